import { describe, expect, it } from 'vitest'
import type { EventLogEntry } from '../../../main/capillary/client/responses'
import { pollLogVerdict, PublishCancelled, type PollTiming } from '../../../main/publish/pollLogVerdict'

const payload = { event_name: 'be_reserved', customer_id: '919999999999' }

const entry = (overrides: Partial<EventLogEntry>): EventLogEntry => ({
  id: 'other',
  status: 'EVENT_SUCCESS',
  message: 'Event processed successfully',
  eventName: 'be_reserved',
  startTime: 1_000,
  responseTime: 5,
  webhookId: 'w1',
  input: {},
  ...overrides
})

/** A fake clock that advances by each sleep, and a log that answers one list per poll. */
function fakeLogs(answers: EventLogEntry[][]) {
  let now = 1_000
  const queries: { eventName?: string; fromDate?: string; limit?: number }[] = []
  const timing: PollTiming = {
    now: () => now,
    sleep: (ms) => {
      now += ms
      return Promise.resolve()
    },
    intervalMs: 500,
    timeoutMs: 2_000
  }
  let poll = 0
  const logs = {
    getEventLogs: (query: { eventName?: string; fromDate?: string; limit?: number }) => {
      queries.push(query)
      const answer = answers[Math.min(poll, answers.length - 1)] ?? []
      if (query.eventName === undefined || answer.length > 0) poll += 1
      return Promise.resolve(answer)
    }
  }
  return { logs, timing, queries }
}

const posted = { eventName: 'be_reserved', requestId: 'req-1', payload, postedAt: 1_000 }

describe('pollLogVerdict', () => {
  it("answers the logs' EVENT_SUCCESS for the post's request id", async () => {
    const { logs, timing, queries } = fakeLogs([[entry({ id: 'req-1' })]])
    expect(await pollLogVerdict(logs, posted, timing, new AbortController().signal)).toEqual({
      ok: true,
      status: 'EVENT_SUCCESS',
      message: 'Event processed successfully'
    })
    expect(queries[0]).toEqual({ eventName: 'be_reserved', fromDate: '1969-12-31', limit: 50 })
  })

  it("answers a failure status with Capillary's message (BEREF 18)", async () => {
    const failed = entry({
      id: 'req-1',
      status: 'EMF_PROCESSOR_FAILED',
      message: 'Error while processing emfEvent: customerId not present,cant proceed further'
    })
    const { logs, timing } = fakeLogs([[], [failed]])
    expect(await pollLogVerdict(logs, posted, timing, new AbortController().signal)).toEqual({
      ok: false,
      status: 'EMF_PROCESSOR_FAILED',
      message: 'Error while processing emfEvent: customerId not present,cant proceed further'
    })
  })

  it('waits past processing stages, and finds the post by its payload when Capillary gave no id', async () => {
    const { logs, timing } = fakeLogs([
      [entry({ status: 'EVENT_PROCESSING_STARTED', input: payload })],
      [entry({ status: 'NO_CUSTOMER_DETAILS_PASSED', message: 'No customer details passed', input: payload })]
    ])
    const verdict = await pollLogVerdict(
      logs,
      { ...posted, requestId: undefined },
      timing,
      new AbortController().signal
    )
    expect(verdict).toEqual({ ok: false, status: 'NO_CUSTOMER_DETAILS_PASSED', message: 'No customer details passed' })
  })

  it("ignores other posts' entries and ends with LOGS_TIMEOUT", async () => {
    const { logs, timing } = fakeLogs([[entry({ id: 'someone-else' })]])
    const verdict = await pollLogVerdict(logs, posted, timing, new AbortController().signal)
    expect(verdict).toMatchObject({ ok: false, status: 'LOGS_TIMEOUT' })
    expect(verdict.message).toMatch(/within 2 s/)
  })

  it('stops when the run is cancelled', async () => {
    const { logs, timing } = fakeLogs([[]])
    const controller = new AbortController()
    controller.abort()
    await expect(pollLogVerdict(logs, posted, timing, controller.signal)).rejects.toBeInstanceOf(PublishCancelled)
  })
})
