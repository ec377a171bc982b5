import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from '../../../main/capillary/sandbox/startSandbox'
import type { Studio } from '../../../main/services/createStudio'
import { attributeDraft } from '../support/eventDraft'
import { createTemporaryFolder } from '../support/temporaryFolder'
import {
  changingCalls,
  eventId,
  publishAndCollect,
  publishStudio,
  quickSandbox,
  sandboxProfile
} from './publishHarness'

let folder: ReturnType<typeof createTemporaryFolder>
let sandbox: RunningSandbox
let studio: Studio
let profileId: string

beforeAll(async () => {
  folder = createTemporaryFolder('publish')
  sandbox = await quickSandbox()
  studio = publishStudio(folder.path)
  studio.newProject(join(folder.path, 'Shop.capmap'), true)
  profileId = sandboxProfile(studio, sandbox, 'UAT sandbox')
})

afterAll(async () => {
  studio.session.close()
  await sandbox.close()
  folder.remove()
})

describe('publish to Capillary', () => {
  it('shows a dry run of the sample first and changes nothing in the org', async () => {
    const plan = await studio.publish.plan({ profileId })
    expect(plan.target).toMatchObject({ key: 'UAT sandbox', baseUrl: sandbox.baseUrl })
    expect(plan.quota).toEqual({ active: 0, limit: 10, afterPublish: 1 })
    const reserved = plan.events.find((event) => event.eventName === 'be_reserved')
    expect(reserved).toMatchObject({ ready: true, action: 'create', remote: { state: 'absent' } })
    expect(reserved?.comparison.find((row) => row.field === 'fields.hotel_name')).toMatchObject({ change: 'added' })
    expect(reserved?.integrations[0]).toMatchObject({ delivery: 'relayed', transformer: 'defaultTransformer' })
    expect(reserved?.requests.map((request) => `${request.step} ${request.method} ${request.path}`)).toEqual([
      'definition POST /v2/events',
      'webhook POST /v2/events/webhook',
      'test_post POST {webHookUri of the defaultTransformer webhook}',
      'logs GET /v2/events/logs'
    ])
    expect(reserved?.requests[0]?.headers).toMatchObject({ Authorization: 'Basic [masked]' })
    // Notes §4: creating an event is documented with an OAuth token only; enabling a standard one is not a create.
    expect(reserved?.warnings).toContain(
      "Capillary documents creating an event with an OAuth token only: if it refuses UAT sandbox's till (401), " +
        'publish the new event with an OAuth profile of the same org.'
    )
    expect(JSON.stringify(plan)).not.toContain('sandbox.till:')
    const cart = plan.events.find((event) => event.eventName === 'ProductAddedToCart')
    expect(cart).toMatchObject({ ready: true, action: 'enable' })
    expect(cart?.warnings.join(' ')).not.toContain('OAuth token only')
    expect(changingCalls(sandbox)).toEqual([])
  })

  it('publishes a custom event from Tested to verified, then PUBLISHED and locked', async () => {
    const id = eventId(studio, 'be_reserved')
    const { finals, progress } = await publishAndCollect(studio, profileId, [id], {
      waitForPublishedMs: 10_000,
      // What a person does in InTouch once the test event validated.
      onProgress: (entry) => {
        if (entry.step === 'awaiting_publish') expect(sandbox.publish('be_reserved').status).toBe(200)
      }
    })
    expect(progress.filter((entry) => !entry.runDone).map((entry) => entry.step)).toEqual([
      'local_checks',
      'definition',
      'webhook',
      'adapter_mapping',
      'test_post',
      'logs',
      'awaiting_publish',
      'published'
    ])
    expect(progress.at(-1)).toMatchObject({ step: 'published', runDone: true })
    expect(finals).toEqual([
      expect.objectContaining({
        step: 'published',
        verdict: { ok: true, status: 'EVENT_SUCCESS', message: 'Event processed successfully' }
      })
    ])
    const event = studio.events.list().find((candidate) => candidate.id === id)
    expect(event?.publications.map((publication) => publication.profile)).toEqual(['UAT sandbox'])
    const state = studio.publish.listState(profileId)
    expect(state.events).toEqual([
      expect.objectContaining({ eventId: id, stage: 'published', profileKey: 'UAT sandbox' })
    ])
    expect(state.webhooks).toEqual([
      expect.objectContaining({
        transformer: 'defaultTransformer',
        webHookUri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/[0-9a-f]{32}$/)
      })
    ])
    // Locked: Capillary refuses edits of a published event's fields, and so does the studio.
    expect(() =>
      studio.events.update(id, {
        ...event!,
        attributes: event!.attributes.filter((attribute) => attribute.name !== 'age')
      })
    ).toThrow(/cannot be removed/)
  })

  it('publishing an event the org has PUBLISHED already verifies it again, with nothing left to do in InTouch', async () => {
    const id = eventId(studio, 'be_reserved')
    const { finals, progress } = await publishAndCollect(studio, profileId, [id], { waitForPublishedMs: 10_000 })
    expect(progress.map((entry) => entry.step)).not.toContain('awaiting_publish')
    expect(finals).toEqual([
      expect.objectContaining({
        step: 'published',
        message:
          'be_reserved is PUBLISHED in UAT sandbox already: verified again (EVENT_SUCCESS), locked for this profile.'
      })
    ])
    expect(studio.publish.listState(profileId).events).toContainEqual(
      expect.objectContaining({ eventId: id, stage: 'published' })
    )
  })

  it('publishes a standard event with a custom attribute: enable, then the whole definition', async () => {
    const id = eventId(studio, 'ProductAddedToCart')
    const current = studio.events.list().find((candidate) => candidate.id === id)!
    studio.events.update(id, {
      ...current,
      attributes: [
        ...current.attributes,
        {
          name: 'giftWrap',
          type: 'string',
          description: '',
          isRequired: false,
          isUniqueKeyField: false,
          isPsiData: false,
          standard: false
        }
      ]
    })
    await studio.testCases.run({ eventId: id })
    const plan = await studio.publish.plan({ profileId, eventIds: [id] })
    expect(plan.events[0]).toMatchObject({ ready: true, action: 'enable_then_replace' })
    expect(plan.events[0]?.requests.slice(0, 2).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /v2/events/standard_events/enable',
      'PUT /v2/events'
    ])
    const { finals } = await publishAndCollect(studio, profileId, [id])
    expect(finals).toEqual([
      expect.objectContaining({
        step: 'awaiting_publish',
        verdict: expect.objectContaining({ ok: true, status: 'EVENT_SUCCESS' })
      })
    ])
    expect(studio.publish.listState(profileId).events.find((entry) => entry.eventId === id)).toMatchObject({
      stage: 'verified'
    })
    // The org now has giftWrap; published in InTouch, one check locks it.
    expect(sandbox.publish('ProductAddedToCart').status).toBe(200)
    const checked = await studio.publish.checkPublished({ profileId, eventIds: [id] })
    expect(checked.events).toEqual([expect.objectContaining({ remote: 'published', locked: true, newlyLocked: true })])
    const after = await studio.publish.plan({ profileId, eventIds: [id] })
    expect(after.events[0]?.comparison.find((row) => row.field === 'fields.giftWrap.type')).toMatchObject({
      change: 'same'
    })
    expect(after.events[0]).toMatchObject({ action: 'none', remote: { state: 'published' } })
  })

  it("writes Capillary's own adapter mapping for a native mapping and test-posts the source payload to its webhook", async () => {
    const event = studio.events.create({
      name: 'review_posted',
      label: 'Review posted',
      description: '',
      kind: 'custom',
      actions: ['EIConsumer'],
      attributes: [
        attributeDraft({
          name: 'customer',
          type: 'customer',
          isRequired: true,
          customer: { identifierType: 'mobile', source: 'WEB_ENGAGE', addCustomerIfNotExists: false }
        }),
        attributeDraft({ name: 'rating', type: 'double' })
      ]
    })
    const integration = studio.integrations.create({
      name: 'WebEngage reviews',
      slug: 'reviews',
      kind: 'webengage',
      sourceAccount: 'WEB_ENGAGE',
      eventNameField: 'event_name',
      eventNameMap: [{ sourceName: 'Review Posted', eventName: 'review_posted' }]
    })
    const mapping = studio.mappings.save(integration.id, event.id, {
      match: { kind: 'integration' },
      fanOut: null,
      rules: [
        { target: 'customer', source: { kind: 'path', path: 'user_id', scope: 'payload' }, transforms: [] },
        { target: 'rating', source: { kind: 'path', path: 'stars', scope: 'payload' }, transforms: [] }
      ]
    })
    studio.testCases.save(undefined, {
      mappingId: mapping.id,
      name: 'A review',
      source: { kind: 'edited' },
      payload: { event_name: 'Review Posted', user_id: '919999999999', stars: 4 },
      expected: [{ event_name: 'review_posted', customer: '919999999999', rating: 4 }]
    })
    await studio.testCases.run({ eventId: event.id })
    const plan = await studio.publish.plan({ profileId, eventIds: [event.id] })
    expect(plan.events[0]?.integrations).toEqual([
      expect.objectContaining({ delivery: 'adapter_mapping', transformer: 'webEngageTransformer', reasons: [] })
    ])
    const test = plan.events[0]?.requests.find((request) => request.step === 'test_post')
    expect(test?.body).toEqual({ event_name: 'Review Posted', user_id: '919999999999', stars: 4 })
    const { finals, progress } = await publishAndCollect(studio, profileId, [event.id])
    expect(progress.find((entry) => entry.step === 'adapter_mapping')?.message).toMatch(/adapter mapping written/)
    expect(finals[0]).toMatchObject({ step: 'awaiting_publish', verdict: { ok: true, status: 'EVENT_SUCCESS' } })
    const pulled = await studio.publish.planPull(profileId)
    expect(pulled.events.find((entry) => entry.eventName === 'review_posted')?.mappings).toEqual([
      {
        transformer: 'webEngageTransformer',
        eventNameField: 'event_name',
        sourceNames: ['Review Posted'],
        fieldMappings: [
          { eventFieldName: 'customer', sourceFieldName: 'user_id' },
          { eventFieldName: 'rating', sourceFieldName: 'stars' }
        ]
      }
    ])
    // Marked published by hand: locked at once.
    expect(studio.publish.markPublished(event.id, profileId)).toMatchObject({ stage: 'published' })
    expect(studio.events.list().find((candidate) => candidate.id === event.id)?.publications).toHaveLength(1)
  })

  // review_posted is the native mapping's event of the test before.
  it('waits for PUBLISHED once every event of the run is verified, so no event holds up the next', async () => {
    const secondOrg = await quickSandbox()
    try {
      const secondProfile = sandboxProfile(studio, secondOrg, 'Second org')
      const names = ['ProductAddedToCart', 'review_posted']
      const awaiting = new Set<string>()
      const { progress } = await publishAndCollect(
        studio,
        secondProfile,
        names.map((name) => eventId(studio, name)),
        {
          waitForPublishedMs: 10_000,
          // The person publishes both in InTouch once both validated.
          onProgress: (entry) => {
            if (entry.step !== 'awaiting_publish' || awaiting.has(entry.eventName)) return
            awaiting.add(entry.eventName)
            if (awaiting.size === names.length)
              for (const name of names) expect(secondOrg.publish(name).status).toBe(200)
          }
        }
      )
      const lastSteps = progress
        .filter((entry) => !entry.runDone && (entry.step === 'awaiting_publish' || entry.step === 'published'))
        .map((entry) => `${entry.eventName} ${entry.step}`)
      expect(lastSteps).toEqual([
        'ProductAddedToCart awaiting_publish',
        'review_posted awaiting_publish',
        'ProductAddedToCart published',
        'review_posted published'
      ])
    } finally {
      await secondOrg.close()
    }
  })

  it("publishes the sample's Tested events to the studio's built-in sandbox", async () => {
    const local = await studio.capillary.localSandbox.start({ port: 0 })
    try {
      const plan = await studio.publish.plan({ profileId: local.profileId! })
      expect(plan.events.map((event) => [event.eventName, event.ready])).toEqual([
        ['be_reserved', true],
        ['ProductAddedToCart', true],
        ['review_posted', true]
      ])
    } finally {
      await studio.capillary.localSandbox.stop()
    }
  })
})
