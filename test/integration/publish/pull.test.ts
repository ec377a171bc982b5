import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CapillaryClient } from '../../../main/capillary/client/CapillaryClient'
import type { RunningSandbox } from '../../../main/capillary/sandbox/startSandbox'
import type { Studio } from '../../../main/services/createStudio'
import { attributeDraft, eventDraft } from '../support/eventDraft'
import { createTemporaryFolder } from '../support/temporaryFolder'
import { publishStudio, quickSandbox, sandboxProfile, seedOrg, seededEvents } from './publishHarness'

let folder: ReturnType<typeof createTemporaryFolder>
let sandbox: RunningSandbox
let studio: Studio
let profileId: string

beforeAll(async () => {
  folder = createTemporaryFolder('publish-pull')
  sandbox = await quickSandbox()
  // The org: two custom events (one published), a standard one, the Custom webhook, and an adapter mapping.
  const [first, second] = seededEvents(2)
  await seedOrg(sandbox, [first!, second!])
  expect(sandbox.publish('seeded_1', { force: true }).status).toBe(200)
  const client = new CapillaryClient({
    baseUrl: sandbox.baseUrl,
    credentials: { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' }
  })
  await client.enableStandardEvent('ProductViewed')
  await client.createWebhook({ transformerType: 'defaultTransformer', tillCode: 'store.till', authEnabled: false })
  await client.saveAdapterMapping({ transformerType: 'defaultTransformer', eventsMapped: ['seeded_1', 'seeded_2'] })
  await client.close()

  studio = publishStudio(folder.path)
  studio.newProject(join(folder.path, 'Pulled.capmap'), false)
  profileId = sandboxProfile(studio, sandbox, 'Brand org')
  // The project: seeded_2 with a field of its own, and an event the org lacks.
  studio.events.create({
    ...second!,
    attributes: [...second!.attributes, attributeDraft({ name: 'channel', type: 'string' })]
  })
  studio.events.create(eventDraft({ name: 'room_reserved' }))
  studio.integrations.create({
    name: 'Booking app',
    slug: 'booking-app',
    kind: 'custom',
    sourceAccount: 'INSTORE',
    eventNameField: 'event_name',
    eventNameMap: []
  })
})

afterAll(async () => {
  studio.session.close()
  await sandbox.close()
  folder.remove()
})

describe('pull from an org, and drift', () => {
  it('shows what only the org has, what only the project has, and both-present events field by field', async () => {
    const plan = await studio.publish.planPull(profileId)
    const presence = Object.fromEntries(plan.events.map((event) => [event.eventName, event.presence]))
    expect(presence).toEqual({
      seeded_1: 'org_only',
      seeded_2: 'both',
      ProductViewed: 'org_only',
      room_reserved: 'project_only'
    })
    const both = plan.events.find((event) => event.eventName === 'seeded_2')!
    expect(both.comparison.filter((row) => row.change !== 'same')).toEqual([
      { field: 'fields.channel', ours: 'string isPsiData=false isRequired=false', theirs: null, change: 'added' }
    ])
    expect(both.mappings).toEqual([
      { transformer: 'defaultTransformer', eventNameField: 'event_name', sourceNames: [], fieldMappings: [] }
    ])
    expect(plan.events.find((event) => event.eventName === 'seeded_1')).toMatchObject({
      importable: true,
      remote: { state: 'published' }
    })
    expect(plan.events.find((event) => event.eventName === 'ProductViewed')).toMatchObject({
      kind: 'standard',
      importable: true
    })
    expect(plan.webhooks).toEqual([
      expect.objectContaining({ transformer: 'defaultTransformer', tillCode: 'store.till', authEnabled: false })
    ])
  })

  it('imports all or nothing: one event already in the project refuses the whole pull', async () => {
    const before = studio.events.list().length
    await expect(studio.publish.applyPull(profileId, ['seeded_1', 'seeded_2'])).rejects.toThrow(
      /seeded_2 is already in the project: it is compared, not imported\./
    )
    expect(studio.events.list()).toHaveLength(before)
  })

  it('imports new events as drafts, locks the published one for the profile and keeps the webhook URI', async () => {
    const result = await studio.publish.applyPull(profileId, ['seeded_1', 'ProductViewed'])
    expect(result.imported.map((entry) => entry.eventName)).toEqual(['seeded_1', 'ProductViewed'])
    expect(result.webhooksRecorded).toBe(1)
    // The org's adapter mapping of seeded_1 (default transformer, same-name fields) as a mapping of the Custom integration.
    expect(result.mappingsImported).toBe(1)
    const seededId = result.imported[0]!.eventId
    expect(studio.mappings.list().find((mapping) => mapping.eventId === seededId)).toMatchObject({
      match: { kind: 'eventName', field: 'event_name', sourceNames: ['seeded_1'] },
      rules: [
        { target: 'customer_id', source: { kind: 'path', path: 'customer_id' } },
        { target: 'note', source: { kind: 'path', path: 'note' } }
      ]
    })
    const seeded = studio.events.list().find((event) => event.name === 'seeded_1')!
    expect(seeded).toMatchObject({ status: 'draft', kind: 'custom' })
    expect(seeded.publications.map((publication) => publication.profile)).toEqual(['Brand org'])
    expect(studio.events.list().find((event) => event.name === 'ProductViewed')).toMatchObject({ kind: 'standard' })
    const state = studio.publish.listState(profileId)
    expect(state.events).toEqual([expect.objectContaining({ eventName: 'seeded_1', stage: 'published' })])
    expect(state.webhooks).toEqual([
      expect.objectContaining({ transformer: 'defaultTransformer', webHookUri: result.plan.webhooks[0]?.webHookUri })
    ])
    const drift = result.plan.events.find((event) => event.eventName === 'seeded_1')!
    expect(drift.presence).toBe('both')
    expect(drift.comparison.every((row) => row.change === 'same')).toBe(true)
  })
})
