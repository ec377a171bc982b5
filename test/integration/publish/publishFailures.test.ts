import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../../../main/capillary/sandbox/startSandbox'
import type { Studio } from '../../../main/services/createStudio'
import { loadSampleProject } from '../../../main/services/sampleProject'
import type { EventDraft } from '../../../shared/model/event'
import { createTemporaryFolder } from '../support/temporaryFolder'
import {
  changingCalls,
  eventId,
  publishAndCollect,
  publishStudio,
  quickSandbox,
  sandboxProfile,
  seedOrg,
  seededEvents
} from './publishHarness'

let folder: ReturnType<typeof createTemporaryFolder>
let studio: Studio
const sandboxes: RunningSandbox[] = []

/** A fresh org and a profile for it: each failure starts from its own org. */
async function org(name: string, options: Parameters<typeof quickSandbox>[0] = {}) {
  const sandbox = await quickSandbox(options)
  sandboxes.push(sandbox)
  return { sandbox, profileId: sandboxProfile(studio, sandbox, name) }
}

/** What of the project a failed publish must leave as it was. */
const designOf = (target: Studio) =>
  target.events.list().map(({ updatedAt: _updatedAt, publications, ...event }) => ({ ...event, publications }))

const reserved = () => eventId(studio, 'be_reserved')

beforeAll(() => {
  folder = createTemporaryFolder('publish-failures')
  studio = publishStudio(folder.path)
  studio.newProject(join(folder.path, 'Shop.capmap'), true)
})

afterAll(async () => {
  studio.session.close()
  for (const sandbox of sandboxes) await sandbox.close()
  folder.remove()
})

describe('publish failures leave the project as it was, with the reason', () => {
  it('refuses an event that is not Tested at the local checks, before any call changes the org', async () => {
    const { sandbox, profileId } = await org('Draft org')
    const event = studio.events.list().find((candidate) => candidate.id === reserved())!
    studio.events.update(event.id, { ...event, label: 'Hotel room reserved (edited)' })
    const plan = await studio.publish.plan({ profileId, eventIds: [event.id] })
    expect(plan.events[0]?.blockers.map((blocker) => blocker.code)).toEqual(['not_tested'])
    const { finals } = await publishAndCollect(studio, profileId, [event.id])
    expect(finals[0]).toMatchObject({
      step: 'failed',
      verdict: { ok: false, status: 'LOCAL_CHECKS', message: expect.stringMatching(/^be_reserved is not Tested: /) }
    })
    expect(changingCalls(sandbox)).toEqual([])
    expect(studio.publish.listState(profileId).events).toEqual([
      expect.objectContaining({ stage: 'failed', lastVerdict: expect.objectContaining({ status: 'LOCAL_CHECKS' }) })
    ])
    await studio.testCases.run({ eventId: event.id })
  })

  it('blocks a new custom event when the org has 10, and disabling one (confirmed by name) frees a slot', async () => {
    const { sandbox, profileId } = await org('Full org')
    await seedOrg(sandbox, seededEvents(10))
    const seedingCalls = changingCalls(sandbox).length
    const plan = await studio.publish.plan({ profileId })
    expect(plan.quota).toEqual({ active: 10, limit: 10, afterPublish: 10 })
    expect(plan.events.find((event) => event.eventName === 'be_reserved')?.blockers).toEqual([
      { code: 'quota', message: expect.stringContaining('at most 10 active custom events per org') }
    ])
    expect(plan.events.find((event) => event.eventName === 'ProductAddedToCart')?.ready).toBe(true)

    const pulled = await studio.publish.applyPull(profileId, ['seeded_1'])
    const seeded = pulled.imported[0]!.eventId
    await expect(
      studio.publish.disableRemoteEvent({ eventId: seeded, profileId, confirmName: 'seeded' })
    ).rejects.toThrow(/Type the event's name, seeded_1, to confirm: Capillary cannot enable an event again/)
    expect(changingCalls(sandbox)).toHaveLength(seedingCalls)
    const disabled = await studio.publish.disableRemoteEvent({ eventId: seeded, profileId, confirmName: 'seeded_1' })
    expect(disabled).toEqual({ eventId: seeded, eventName: 'seeded_1', quota: { active: 9, limit: 10 } })
    expect(studio.publish.listState(profileId).events).toEqual([
      expect.objectContaining({ eventId: seeded, stage: 'disabled' })
    ])
    const after = await studio.publish.plan({ profileId, eventIds: [reserved()] })
    expect(after.events[0]).toMatchObject({ ready: true, action: 'create' })
    expect(after.quota.afterPublish).toBe(10)
    studio.events.delete(seeded)
  })

  it("reports Capillary's refusal of a disabled event's name (1806) and keeps the state failed, nothing locked", async () => {
    const { profileId } = await org('Refusing org')
    const first = await publishAndCollect(studio, profileId, [reserved()])
    expect(first.finals[0]?.verdict?.ok).toBe(true)
    await studio.publish.disableRemoteEvent({ eventId: reserved(), profileId, confirmName: 'be_reserved' })
    const before = designOf(studio)
    const { finals } = await publishAndCollect(studio, profileId, [reserved()])
    expect(finals[0]).toMatchObject({
      step: 'failed',
      verdict: {
        ok: false,
        status: 'INVALID_REQUEST',
        message: expect.stringContaining('“be_reserved event already exists”')
      }
    })
    expect(designOf(studio)).toEqual(before)
    expect(studio.publish.listState(profileId).events).toEqual([
      expect.objectContaining({ stage: 'failed', lastVerdict: expect.objectContaining({ status: 'INVALID_REQUEST' }) })
    ])
  })

  it('counts a create whose answer was lost as done when the retry meets 1806 and the org has it as sent', async () => {
    const retryingFolder = createTemporaryFolder('publish-retrying')
    const retrying = publishStudio(retryingFolder.path, { maxAttempts: 2 })
    retrying.newProject(join(retryingFolder.path, 'Shop.capmap'), true)
    try {
      const sandbox = await quickSandbox()
      sandboxes.push(sandbox)
      const profileId = sandboxProfile(retrying, sandbox, 'Lossy org')
      sandbox.loseAnswersOf('POST', '/v2/events')
      const { finals, progress } = await publishAndCollect(retrying, profileId, [eventId(retrying, 'be_reserved')])
      expect(sandbox.requests().filter((entry) => entry.method === 'POST' && entry.path === '/v2/events')).toEqual([
        expect.objectContaining({ status: 'answer lost' }),
        expect.objectContaining({ status: 400 })
      ])
      expect(progress.find((entry) => entry.step === 'definition')?.message).toBe(
        'Created: be_reserved. (The first answer was lost and the call sent again: Capillary had be_reserved ' +
          'already.)'
      )
      expect(finals[0]?.verdict).toMatchObject({ ok: true })
    } finally {
      retrying.session.close()
      retryingFolder.remove()
    }
  })

  it('fails every event with the reason when the org cannot be read (503), sending nothing', async () => {
    const { sandbox, profileId } = await org('Unavailable org')
    sandbox.failNext(1, { status: 503 })
    const { finals } = await publishAndCollect(studio, profileId, [reserved()])
    expect(finals[0]).toMatchObject({
      step: 'failed',
      verdict: { status: 'ORG_UNREADABLE', message: expect.stringContaining('“Authorization status unavailable”') }
    })
    expect(changingCalls(sandbox)).toEqual([])
    expect(studio.publish.listState(profileId).events).toEqual([])
  })

  it('stops at a rate limit (429) after the definition was accepted: the state says accepted then failed', async () => {
    const { sandbox, profileId } = await org('Throttled org', { faults: { rateLimitPerMinute: 3 } })
    const { finals, progress } = await publishAndCollect(studio, profileId, [reserved()])
    expect(progress.map((entry) => entry.step)).toContain('definition')
    expect(finals[0]).toMatchObject({
      step: 'failed',
      verdict: { status: 'RATE_LIMITED', message: expect.stringContaining('Too many requests') }
    })
    expect(changingCalls(sandbox)).toEqual(['POST /v2/events'])
    expect(studio.publish.listState(profileId).events[0]).toMatchObject({ stage: 'failed' })
  })

  it('refuses a second run of the same event while one runs, and cancels between steps', async () => {
    const { sandbox, profileId } = await org('Cancelled org')
    const connection = studio.publish.connectionFor(profileId)
    const started = studio.publish.startWith(connection, [reserved()])
    expect(() => studio.publish.startWith(connection, [reserved()])).toThrow(/already running/)
    expect(studio.publish.cancel(started.runId).running).toBe(true)
    const state = await started.finished
    expect(state).toMatchObject({
      running: false,
      events: [expect.objectContaining({ step: 'failed', runDone: true })]
    })
    expect(state.events[0]?.verdict).toMatchObject({ ok: false, status: 'CANCELLED' })
    expect(changingCalls(sandbox)).toEqual([])
  })

  it('gives up on the logs after the timeout with LOGS_TIMEOUT', async () => {
    const slowFolder = createTemporaryFolder('publish-slow')
    const slow = publishStudio(slowFolder.path, { logsTimeoutMs: 100 })
    slow.newProject(join(slowFolder.path, 'Shop.capmap'), true)
    const sandbox = await quickSandbox({ processingDelayMs: 60_000 })
    sandboxes.push(sandbox)
    try {
      const profileId = sandboxProfile(slow, sandbox, 'Slow org')
      const { finals } = await publishAndCollect(slow, profileId, [eventId(slow, 'be_reserved')])
      expect(finals[0]).toMatchObject({
        step: 'failed',
        verdict: {
          ok: false,
          status: 'LOGS_TIMEOUT',
          message: expect.stringContaining('LOGS_TIMEOUT: The logs did not show')
        }
      })
    } finally {
      slow.session.close()
      slowFolder.remove()
    }
  })

  it('blocks a test post the webhook would refuse: a BASIC webhook and an OAuth profile', async () => {
    const sandbox = await quickSandbox()
    sandboxes.push(sandbox)
    const profileId = sandboxProfile(studio, sandbox, 'OAuth org', 'oauth')
    const plan = await studio.publish.plan({ profileId, eventIds: [reserved()] })
    expect(plan.events[0]?.blockers).toEqual([
      {
        code: 'credentials',
        message: expect.stringContaining('The defaultTransformer webhook takes BASIC credentials')
      }
    ])
  })

  it('refuses changes to an event published in the org and offers a new version with the mappings moved', async () => {
    const { sandbox, profileId } = await org('Live org')
    const sample = loadSampleProject().events.find((entry) => 'name' in entry && entry.name === 'be_reserved')
    const theirs = { ...(sample as EventDraft), attributes: (sample as EventDraft).attributes.slice(0, 3) }
    theirs.attributes[1] = { ...theirs.attributes[1]!, isRequired: false }
    await seedOrg(sandbox, [theirs])
    expect(sandbox.publish('be_reserved', { force: true }).status).toBe(200)
    const plan = await studio.publish.plan({ profileId, eventIds: [reserved()] })
    expect(plan.events[0]).toMatchObject({ remote: { state: 'published' }, action: 'replace', ready: false })
    expect(plan.events[0]?.blockers).toEqual([
      {
        code: 'published_changed',
        message: expect.stringMatching(
          /Capillary refuses changes to its fields \(hotel_name\.isRequired\)\. Make a new version/
        )
      }
    ])
    const mappingIds = studio.mappings
      .list()
      .filter((mapping) => mapping.eventId === reserved())
      .map((m) => m.id)
    const version = studio.publish.newEventVersion(reserved(), 'be_reserved_v2')
    expect(version.movedMappingIds).toEqual(mappingIds)
    expect(version.event).toMatchObject({ name: 'be_reserved_v2', status: 'draft', kind: 'custom' })
    expect(studio.mappings.list().filter((mapping) => mapping.eventId === version.event.id)).toHaveLength(1)
    await studio.testCases.run({ eventId: version.event.id })
    const next = await studio.publish.plan({ profileId, eventIds: [version.event.id] })
    expect(next.events[0]).toMatchObject({ ready: true, action: 'create', remote: { state: 'absent' } })
    expect(() => studio.publish.newEventVersion(reserved(), 'be_reserved_v2')).toThrow(/already named "be_reserved_v2"/)
  })
})
