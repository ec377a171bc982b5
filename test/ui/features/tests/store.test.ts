import { describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../../shared/api/result'
import type { BatchRunState, EventTestStatus, TestCase } from '../../../../shared/model/testCase'
import { createTestsStore } from '../../../../renderer/features/tests/store'

const status = (eventId: string, overrides: Partial<EventTestStatus> = {}): EventTestStatus => ({
  eventId,
  eventName: eventId,
  status: 'draft',
  testCases: 1,
  passing: 0,
  failing: 0,
  notRun: 1,
  missing: ['1 test case has not run'],
  ...overrides
})

const testCase = (id: string): TestCase => ({
  id,
  mappingId: 'm1',
  name: id,
  source: { kind: 'edited' },
  payload: { event_name: 'x' },
  expected: [],
  createdAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z',
  lastRun: null,
  current: false
})

const batch = (overrides: Partial<BatchRunState>): BatchRunState => ({
  runId: 'r1',
  mappingId: 'm1',
  state: 'running',
  done: 0,
  total: 100,
  summary: { valid: 0, unmatched: 0, invalid: [], unmatchedCaptureIds: [], validCaptureIds: [] },
  message: null,
  ...overrides
})

/** A stand-in for the test-case part of the api (our own interface): the gate flips to Tested once run. */
function fakeApi() {
  let statuses = [status('e1'), status('e2')]
  return {
    listTestCases: vi.fn(async () => ok({ testCases: [testCase('t1')], statuses })),
    listMappings: vi.fn(async () => ok([])),
    saveTestCase: vi.fn(async () => fail('invalid_input', 'Name the test case.')),
    deleteTestCase: vi.fn(async ({ id }: { id: string }) => ok({ id })),
    runTestCases: vi.fn(async () => {
      statuses = [status('e1', { status: 'tested', passing: 1, notRun: 0, missing: [] }), status('e2')]
      return ok({ testCases: [], statuses })
    }),
    startBatchRun: vi.fn(async () => ok(batch({ done: 0 }))),
    cancelBatchRun: vi.fn(async () => ok(batch({ done: 10 }))),
    runEdgeCases: vi.fn(async () => ok([])),
    getMappingCoverage: vi.fn(async () =>
      ok({
        mappingId: 'm1',
        capturesRead: 0,
        capturesMatched: 0,
        unusedFields: [],
        requiredUnfilled: [],
        rulesNotExercised: [],
        expressionRules: []
      })
    )
  }
}

describe('the tests store', () => {
  it('selects the first event on load and keeps a selection that still exists', async () => {
    const api = fakeApi()
    const store = createTestsStore(api as never, () => undefined)
    await store.getState().load()
    expect(store.getState().selectedEventId).toBe('e1')
    store.getState().selectEvent('e2')
    await store.getState().load()
    expect(store.getState().selectedEventId).toBe('e2')
  })

  it("runs an event's test cases, then shows the gate's new standing", async () => {
    const api = fakeApi()
    const store = createTestsStore(api as never, () => undefined)
    await store.getState().load()
    await store.getState().run({ eventId: 'e1' })
    expect(api.runTestCases).toHaveBeenCalledWith({ eventId: 'e1' })
    expect(store.getState().statuses[0]).toMatchObject({ status: 'tested', missing: [] })
    expect(store.getState().running).toBe(false)
  })

  it('reports a refused save and keeps the selection', async () => {
    const errors: string[] = []
    const store = createTestsStore(fakeApi() as never, (error) => errors.push(error.message))
    await store.getState().load()
    const saved = await store.getState().save(undefined, {
      mappingId: 'm1',
      name: '',
      source: { kind: 'edited' },
      payload: {},
      expected: []
    })
    expect(saved).toBeNull()
    expect(errors).toEqual(['Name the test case.'])
  })

  it('follows batch progress, keeps the furthest report, and ignores late ones after the end', async () => {
    const store = createTestsStore(fakeApi() as never, () => undefined)
    // Progress pushed by main can arrive before the answer to the start.
    store.getState().receiveBatch(batch({ done: 40 }))
    await store.getState().startBatch('m1')
    expect(store.getState().batch?.done).toBe(40)
    store.getState().receiveBatch(batch({ state: 'cancelled', done: 50 }))
    store.getState().receiveBatch(batch({ done: 45 }))
    expect(store.getState().batch).toMatchObject({ state: 'cancelled', done: 50 })
  })
})
