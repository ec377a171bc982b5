import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Studio } from '../../../../main/services/createStudio'
import type { MappingSpec } from '../../../../shared/model/mapping'
import { eventDraft } from '../../support/eventDraft'
import { createTestStudio, studioErrorOf, type TestStudio } from '../../support/testStudio'

const spec = (target = 'customer_id'): MappingSpec => ({
  match: { kind: 'integration' },
  fanOut: null,
  rules: [{ target, source: { kind: 'path', path: 'user_id', scope: 'item' }, transforms: [{ kind: 'trim' }] }]
})

describe('MappingService', () => {
  let fixture: TestStudio
  let studio: Studio
  let path: string
  let integrationId: string
  let eventId: string

  beforeEach(() => {
    fixture = createTestStudio('mapping-service')
    studio = fixture.studio
    path = fixture.projectPath
    eventId = studio.events.create(eventDraft()).id
    integrationId = studio.integrations.create({
      name: 'Booking app',
      slug: 'booking-app',
      kind: 'custom',
      sourceAccount: 'INSTORE',
      eventNameField: 'event_name',
      eventNameMap: [{ sourceName: 'room_reserved', eventName: 'room_reserved' }]
    }).id
  })

  afterEach(() => fixture.dispose())

  it('keeps a mapping across closing and reopening the project', () => {
    studio.mappings.save(integrationId, eventId, spec())
    studio.session.close()
    studio.session.open(path)
    expect(studio.mappings.list()).toEqual([expect.objectContaining({ integrationId, eventId, ...spec() })])
  })

  it('replaces the mapping of the same integration and event rather than adding a second', () => {
    const first = studio.mappings.save(integrationId, eventId, spec())
    const second = studio.mappings.save(integrationId, eventId, spec('nights'))
    expect(second.id).toBe(first.id)
    expect(studio.mappings.list()).toHaveLength(1)
    expect(studio.mappings.list()[0]?.rules[0]?.target).toBe('nights')
  })

  it('accepts eventDateTime and external_event_id besides the attributes, and refuses an unknown target', () => {
    expect(() => studio.mappings.save(integrationId, eventId, spec('eventDateTime'))).not.toThrow()
    const unknown = studioErrorOf(() => studio.mappings.save(integrationId, eventId, spec('no_such_field')))
    expect(unknown.code).toBe('invalid_input')
    expect(unknown.message).toMatch(/room_reserved has no attribute no_such_field/)
  })

  it('refuses two rules for one attribute', () => {
    const twice = { ...spec(), rules: [...spec().rules, ...spec().rules] }
    expect(studioErrorOf(() => studio.mappings.save(integrationId, eventId, twice)).message).toMatch(/two rules/)
  })

  it('sends the event back to Draft when its mapping changes', () => {
    studio.session.require().db.prepare("UPDATE events SET status = 'tested' WHERE id = ?").run(eventId)
    studio.mappings.save(integrationId, eventId, spec())
    expect(studio.events.list()[0]?.status).toBe('draft')
  })

  it('brings the event back to Tested when a change to its mapping, or to the event, is undone', async () => {
    studio.newProject(join(fixture.folder, 'Sample.capmap'), true)
    const project = studio.session.require()
    const event = project.events.findByName('be_reserved')!
    const mapping = project.mappings.list().find((candidate) => candidate.eventId === event.id)!
    await studio.testCases.run({ eventId: event.id })
    const status = () => studio.events.list().find((candidate) => candidate.id === event.id)!.status
    expect(status()).toBe('tested')

    const { match, fanOut, rules } = mapping
    studio.mappings.save(mapping.integrationId, event.id, { match, fanOut, rules: rules.slice(1) })
    expect(status()).toBe('draft')
    studio.mappings.save(mapping.integrationId, event.id, { match, fanOut, rules })
    expect(status()).toBe('tested')

    const { id: _id, status: _status, publications: _p, createdAt: _c, updatedAt: _u, ...draft } = event
    studio.events.update(event.id, { ...draft, label: 'Edited' })
    expect(status()).toBe('draft')
    studio.events.update(event.id, draft)
    expect(status()).toBe('tested')
  })

  it('sends the event of a deleted mapping back to Draft, its test cases gone with it, and says so', async () => {
    studio.newProject(join(fixture.folder, 'Sample.capmap'), true)
    const event = studio.session.require().events.findByName('ProductAddedToCart')!
    const mapping = studio.mappings.list().find((candidate) => candidate.eventId === event.id)!
    await studio.testCases.run({ eventId: event.id })
    const stored = () => studio.events.list().find((candidate) => candidate.id === event.id)!.status
    const gate = () => studio.testCases.list({ eventId: event.id }).statuses[0]!
    expect([stored(), gate().status]).toEqual(['tested', 'tested'])
    const changed: unknown[] = []
    studio.bus.subscribe((name, payload) => name === 'eventsChanged' && changed.push(payload))

    studio.mappings.delete(mapping.id)

    expect(gate()).toMatchObject({ status: 'draft', testCases: 0 })
    expect(stored()).toBe(gate().status)
    expect(changed).toEqual([{ reason: 'updated', id: event.id }])
  })

  it('removes the mappings of a deleted event or integration', () => {
    studio.mappings.save(integrationId, eventId, spec())
    studio.integrations.delete(integrationId)
    expect(studio.mappings.list()).toEqual([])
  })

  it('builds the sample project with a mapping for each of its integrations', () => {
    studio.newProject(join(fixture.folder, 'Sample.capmap'), true)
    const slugs = new Map(studio.integrations.list().map((integration) => [integration.id, integration.slug]))
    const names = new Map(studio.events.list().map((event) => [event.id, event.name]))
    const pairs = studio.mappings.list().map((m) => `${slugs.get(m.integrationId)} → ${names.get(m.eventId)}`)
    expect(pairs.sort()).toEqual(['booking-app → be_reserved', 'webengage → ProductAddedToCart'])
  })
})
