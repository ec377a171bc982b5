import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Studio } from '../../../../main/services/createStudio'
import type { IntegrationDraft } from '../../../../shared/model/integration'
import { createTestStudio, studioErrorOf, type TestStudio } from '../../support/testStudio'

const webEngage: IntegrationDraft = {
  name: 'WebEngage EU',
  slug: 'webengage-eu',
  kind: 'webengage',
  sourceAccount: 'WEB_ENGAGE',
  eventNameField: 'event_name',
  eventNameMap: [
    { sourceName: 'Added To Cart', eventName: 'ProductAddedToCart' },
    { sourceName: 'Product Added To Cart', eventName: 'ProductAddedToCart' }
  ]
}

describe('IntegrationService', () => {
  let fixture: TestStudio
  let studio: Studio
  let path: string

  beforeEach(() => {
    fixture = createTestStudio('integration-service')
    studio = fixture.studio
    path = fixture.projectPath
  })

  afterEach(() => fixture.dispose())

  it('keeps an integration and its source-event-name map across closing and reopening the project', () => {
    studio.integrations.create(webEngage)
    studio.session.close()
    studio.session.open(path)
    const [reloaded] = studio.integrations.list()
    expect(reloaded).toMatchObject(webEngage)
  })

  it('keeps the slug when the integration is renamed', () => {
    const created = studio.integrations.create(webEngage)
    const renamed = studio.integrations.update(created.id, { ...webEngage, name: 'WebEngage (Europe)' })
    expect(renamed.slug).toBe('webengage-eu')
  })

  it('refuses a slug another integration uses, and one that is not URL-safe', () => {
    studio.integrations.create(webEngage)
    const taken = studioErrorOf(() => studio.integrations.create({ ...webEngage, name: 'Other' }))
    expect(taken.code).toBe('conflict')
    expect(
      studioErrorOf(() => studio.integrations.create({ ...webEngage, name: 'Third', slug: 'Web Engage' })).code
    ).toBe('invalid_input')
    expect(studio.integrations.list()).toHaveLength(1)
  })

  it('refuses a name another integration has, ignoring case and surrounding spaces, with conflict', () => {
    studio.integrations.create(webEngage)
    const again = studioErrorOf(() =>
      studio.integrations.create({ ...webEngage, name: '  webengage eu ', slug: 'webengage-eu-2' })
    )
    expect(again.code).toBe('conflict')
    expect(again.message).toBe(
      'Another integration is already named "WebEngage EU": give this one a name of its own, so the inbox, deliveries and mapping lists can tell them apart.'
    )
    expect(studio.integrations.list()).toHaveLength(1)
  })

  it('refuses renaming an integration to the name of another', () => {
    studio.integrations.create(webEngage)
    const other = studio.integrations.create({ ...webEngage, name: 'Booking', slug: 'booking' })
    const renamed = studioErrorOf(() => studio.integrations.update(other.id, { ...webEngage, slug: 'booking' }))
    expect(renamed.code).toBe('conflict')
    expect(studio.integrations.list().map((integration) => integration.name)).toEqual(['Booking', 'WebEngage EU'])
  })

  it('opens a project whose file already has two integrations of one name, and lets each still be edited', () => {
    const project = studio.session.require({ forWriting: true })
    const now = new Date().toISOString()
    const first = project.integrations.insert('legacy-1', webEngage, now)
    project.integrations.insert('legacy-2', { ...webEngage, slug: 'webengage-eu-2' }, now)
    studio.session.close()
    studio.session.open(path)
    expect(studio.integrations.list().map((integration) => integration.slug)).toEqual([
      'webengage-eu',
      'webengage-eu-2'
    ])
    const edited = studio.integrations.update(first.id, { ...webEngage, eventNameField: 'name' })
    expect(edited.eventNameField).toBe('name')
    const renamed = studio.integrations.update(first.id, { ...webEngage, name: 'WebEngage EU (old)' })
    expect(renamed.name).toBe('WebEngage EU (old)')
  })

  it('refuses a source event name mapped twice', () => {
    const twice = {
      ...webEngage,
      eventNameMap: [...webEngage.eventNameMap, { sourceName: 'Added To Cart', eventName: 'x' }]
    }
    expect(studioErrorOf(() => studio.integrations.create(twice)).message).toMatch(/Added To Cart.*mapped twice/)
  })

  it("sends the events of a deleted integration's mappings back to Draft, and only those", async () => {
    studio.newProject(join(fixture.folder, 'Sample.capmap'), true)
    const project = studio.session.require()
    const reserved = project.events.findByName('be_reserved')!
    const addedToCart = project.events.findByName('ProductAddedToCart')!
    const bookingApp = studio.integrations.list().find((integration) => integration.slug === 'booking-app')!
    await studio.testCases.run({ all: true })
    const stored = (eventId: string) => studio.events.list().find((event) => event.id === eventId)!.status
    const gate = (eventId: string) => studio.testCases.list({ eventId }).statuses[0]!
    expect([stored(reserved.id), gate(reserved.id).status]).toEqual(['tested', 'tested'])
    const changed: unknown[] = []
    studio.bus.subscribe((name, payload) => name === 'eventsChanged' && changed.push(payload))

    studio.integrations.delete(bookingApp.id)

    expect(gate(reserved.id)).toMatchObject({ status: 'draft', testCases: 0 })
    expect(stored(reserved.id)).toBe(gate(reserved.id).status)
    expect([stored(addedToCart.id), gate(addedToCart.id).status]).toEqual(['tested', 'tested'])
    expect(changed).toEqual([{ reason: 'updated' }])
  })

  it('tells the mapping screens of the mappings that went with a deleted integration', () => {
    studio.newProject(join(fixture.folder, 'Sample.capmap'), true)
    const bookingApp = studio.integrations.list().find((integration) => integration.slug === 'booking-app')!
    const itsMappings = studio.mappings.list().filter((mapping) => mapping.integrationId === bookingApp.id)
    expect(itsMappings.length).toBeGreaterThan(0)
    const told: unknown[] = []
    studio.bus.subscribe((name, payload) => name === 'mappingsChanged' && told.push(payload))

    studio.integrations.delete(bookingApp.id)

    expect(studio.mappings.list().filter((mapping) => mapping.integrationId === bookingApp.id)).toEqual([])
    expect(told).toEqual(itsMappings.map((mapping) => ({ id: mapping.id })))
  })

  it('reads default webhook settings for each transformer until they are saved', () => {
    expect(studio.integrations.listWebhookSettings()).toEqual([
      { transformer: 'webEngageTransformer', tillCode: '', auth: 'none', uniquenessCheckEnabled: false },
      { transformer: 'defaultTransformer', tillCode: '', auth: 'none', uniquenessCheckEnabled: false }
    ])
  })

  it('saves webhook settings per transformer, and never turns the uniqueness check off once on', () => {
    const settings = { transformer: 'defaultTransformer' as const, tillCode: 'store.till1', auth: 'BASIC' as const }
    studio.integrations.saveWebhookSettings({ ...settings, uniquenessCheckEnabled: true })
    const off = studioErrorOf(() =>
      studio.integrations.saveWebhookSettings({ ...settings, uniquenessCheckEnabled: false })
    )
    expect(off.code).toBe('conflict')
    studio.session.close()
    studio.session.open(path)
    expect(studio.integrations.listWebhookSettings()[1]).toEqual({ ...settings, uniquenessCheckEnabled: true })
  })

  it('builds the sample project with its two integrations, webhook settings and standard event', () => {
    const samplePath = join(fixture.folder, 'Sample.capmap')
    studio.newProject(samplePath, true)
    expect(studio.integrations.list().map((integration) => integration.slug)).toEqual(['booking-app', 'webengage'])
    expect(studio.events.list().map((event) => `${event.name}:${event.kind}`)).toEqual([
      'be_reserved:custom',
      'ProductAddedToCart:standard'
    ])
    expect(studio.integrations.listWebhookSettings().map((settings) => settings.tillCode)).toEqual([
      'demo.till1',
      'demo.till1'
    ])
  })
})
