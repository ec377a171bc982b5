import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Studio } from '../../../../main/services/createStudio'
import { attributeDraft, eventDraft } from '../../support/eventDraft'
import { createTestStudio, studioErrorOf, type TestStudio } from '../../support/testStudio'

const publication = { profile: 'UAT org', publishedAt: '2026-11-28T10:00:00.000Z', publishedBy: 'consultant' }

describe('EventService', () => {
  let fixture: TestStudio
  let studio: Studio
  let path: string

  beforeEach(() => {
    fixture = createTestStudio('event-service')
    studio = fixture.studio
    path = fixture.projectPath
  })

  afterEach(() => fixture.dispose())

  const publish = (id: string) => studio.session.require().events.recordPublication(id, publication)

  it('adds a standard event from the library exactly as Capillary defines it', () => {
    const event = studio.events.addStandard('ProductAddedToCart')
    expect(event.kind).toBe('standard')
    expect(event.attributes.every((attribute) => attribute.standard)).toBe(true)
    expect(event.attributes.find((attribute) => attribute.name === 'productSku')?.isRequired).toBe(true)
  })

  it('refuses to add the same standard event twice', () => {
    studio.events.addStandard('CouponApplied')
    expect(studioErrorOf(() => studio.events.addStandard('CouponApplied')).code).toBe('conflict')
  })

  it('refuses a second event with the same name, whatever its case', () => {
    studio.events.create(eventDraft())
    expect(studioErrorOf(() => studio.events.create(eventDraft({ name: 'ROOM_RESERVED' }))).code).toBe('conflict')
  })

  it('refuses an attribute without a name, saying which, writing nothing', () => {
    const draft = eventDraft()
    const unnamed = { ...draft, attributes: [...draft.attributes, attributeDraft({ name: ' ', type: 'string' })] }
    expect(studioErrorOf(() => studio.events.create(unnamed))).toMatchObject({
      code: 'invalid_input',
      message: `Name attribute ${unnamed.attributes.length}, or remove it.`
    })
    expect(studio.events.list()).toEqual([])
  })

  it('sends an edited event back to Draft', () => {
    const event = studio.events.create(eventDraft())
    studio.session.require().db.prepare("UPDATE events SET status = 'tested' WHERE id = ?").run(event.id)
    expect(studio.events.update(event.id, eventDraft({ label: 'Edited' })).status).toBe('draft')
  })

  it('refuses to edit or remove an attribute of a published event, at the service', () => {
    const event = studio.events.create(eventDraft())
    publish(event.id)
    const [customer, roomType, ...rest] = studio.events.list()[0]!.attributes
    const edited = studioErrorOf(() =>
      studio.events.update(event.id, {
        ...eventDraft(),
        attributes: [customer!, { ...roomType!, possibleValues: ['x'] }, ...rest]
      })
    )
    expect(edited.code).toBe('conflict')
    expect(edited.message).toMatch(/room_type cannot be edited/)
    const removed = studioErrorOf(() =>
      studio.events.update(event.id, { ...eventDraft(), attributes: [customer!, ...rest] })
    )
    expect(removed.message).toMatch(/room_type cannot be removed/)
    expect(studio.events.list()[0]!.attributes).toHaveLength(5)
  })

  it('refuses to rename a published event', () => {
    const event = studio.events.create(eventDraft())
    publish(event.id)
    const renamed = { ...eventDraft({ name: 'room_booked' }), attributes: studio.events.list()[0]!.attributes }
    expect(studioErrorOf(() => studio.events.update(event.id, renamed)).message).toMatch(/name cannot change/)
  })

  it('lets a published event gain a new attribute and a new label', () => {
    const event = studio.events.create(eventDraft())
    publish(event.id)
    const kept = studio.events.list()[0]!.attributes
    const updated = studio.events.update(event.id, {
      ...eventDraft({ label: 'Room reserved (v1)' }),
      attributes: [...kept, attributeDraft({ name: 'channel', type: 'string' })]
    })
    expect(updated.attributes.map((attribute) => attribute.name)).toContain('channel')
    expect(updated.publications).toEqual([publication])
  })

  it('refuses to delete a published event, and deletes a draft', () => {
    const published = studio.events.create(eventDraft())
    publish(published.id)
    expect(studioErrorOf(() => studio.events.delete(published.id)).code).toBe('conflict')
    const draft = studio.events.create(eventDraft({ name: 'other_event' }))
    studio.events.delete(draft.id)
    expect(studio.events.list().map((event) => event.name)).toEqual(['room_reserved'])
  })

  it("gives fresh ids to attributes sent with another event's ids, or one id twice, rather than failing", () => {
    const first = studio.events.create(eventDraft())
    const copied = studio.events.create(eventDraft({ name: 'copied_event', attributes: first.attributes }))
    const firstIds = new Set(first.attributes.map((attribute) => attribute.id))
    expect(copied.attributes.some((attribute) => firstIds.has(attribute.id))).toBe(false)

    const [kept, other] = copied.attributes
    const twice = { ...other!, id: kept!.id }
    const updated = studio.events.update(copied.id, {
      ...eventDraft({ name: 'copied_event' }),
      attributes: [kept!, twice]
    })
    expect(updated.attributes[0]!.id).toBe(kept!.id)
    expect(updated.attributes[1]!.id).not.toBe(kept!.id)
    expect(studio.events.list().find((event) => event.id === first.id)!.attributes).toEqual(first.attributes)

    // The designer names a new attribute itself: that id stays, save after save.
    const added = { ...other!, id: 'c0ffee00-0000-4000-8000-000000000001', name: 'late_checkout' }
    const draft = { ...eventDraft({ name: 'copied_event' }), attributes: [...updated.attributes, added] }
    expect(studio.events.update(copied.id, draft).attributes[2]!.id).toBe(added.id)
    expect(studio.events.update(copied.id, draft).attributes[2]!.id).toBe(added.id)
  })

  it('duplicates an event into an unpublished custom draft with a free versioned name and fresh ids', () => {
    const event = studio.events.create(eventDraft())
    publish(event.id)
    const copy = studio.events.duplicate(event.id)
    expect(copy.name).toBe('room_reserved_v2')
    expect(copy.publications).toEqual([])
    expect(copy.attributes.map((attribute) => attribute.name)).toEqual(event.attributes.map((a) => a.name))
    expect(copy.attributes.some((attribute) => event.attributes.some((original) => original.id === attribute.id))).toBe(
      false
    )
    expect(studio.events.duplicate(event.id).name).toBe('room_reserved_v3')
  })

  it('shortens the copy of an event named at the length limit to make room for its version', () => {
    const longest = `r${'o'.repeat(199)}`
    const event = studio.events.create(eventDraft({ name: longest }))
    const copy = studio.events.duplicate(event.id)
    expect(copy.name).toBe(`${longest.slice(0, 197)}_v2`)
    expect(studio.events.duplicate(copy.id).name).toBe(`${longest.slice(0, 197)}_v3`)
    expect(studio.events.list().map((listed) => listed.name.length)).toEqual([200, 200, 200])
  })

  it('writes nothing of an event that would not read back (past a limit of the model)', () => {
    const project = studio.session.require({ forWriting: true })
    const tooLong = { ...eventDraft(), name: 'n'.repeat(201) }
    expect(() =>
      project.events.insert({
        id: 'e-too-long',
        draft: tooLong,
        now: new Date().toISOString(),
        newAttributeId: () => crypto.randomUUID()
      })
    ).toThrow()
    const kept = studio.events.create(eventDraft())
    expect(() =>
      project.events.update({
        id: kept.id,
        draft: tooLong,
        now: new Date().toISOString(),
        newAttributeId: () => crypto.randomUUID()
      })
    ).toThrow()
    expect(studio.events.list()).toEqual([kept])
  })

  it('turns the copy of a standard event into a custom event', () => {
    const standard = studio.events.addStandard('AppInstalled')
    const copy = studio.events.duplicate(standard.id)
    expect(copy.kind).toBe('custom')
    expect(copy.attributes.every((attribute) => !attribute.standard)).toBe(true)
  })

  it('keeps publications across closing and reopening the project', () => {
    const event = studio.events.create(eventDraft())
    publish(event.id)
    studio.session.close()
    studio.session.open(path)
    expect(studio.events.list()[0]!.publications).toEqual([publication])
  })

  describe('undoing a delete', () => {
    beforeEach(() => {
      studio.session.close()
      studio.newProject(join(fixture.folder, 'Shop.capmap'), true)
    })

    const project = () => studio.session.require()
    const reserved = () => project().events.findByName('be_reserved')!
    /** Every row an event's delete takes with it, as stored. */
    const rowsOf = (eventId: string) =>
      JSON.stringify([
        project().db.prepare('SELECT * FROM events WHERE id = ?').all(eventId),
        project().db.prepare('SELECT * FROM attributes WHERE event_id = ? ORDER BY position').all(eventId),
        project().db.prepare('SELECT * FROM mappings WHERE event_id = ? ORDER BY id').all(eventId),
        project()
          .db.prepare(
            'SELECT * FROM test_cases WHERE mapping_id IN (SELECT id FROM mappings WHERE event_id = ?) ORDER BY id'
          )
          .all(eventId),
        project().db.prepare('SELECT * FROM publish_state WHERE event_id = ? ORDER BY profile_key').all(eventId)
      ])

    it('puts back the very same event, mappings and test cases, once', () => {
      const event = reserved()
      // A publish that failed leaves its state: it comes back too.
      project()
        .db.prepare(
          `INSERT INTO publish_state (event_id, profile_key, event_name, stage, verdict_ok, verdict_status,
           verdict_message, updated_at) VALUES (?, 'UAT org', 'be_reserved', 'failed', 0, 'failed', 'Refused', ?)`
        )
        .run(event.id, '2026-11-29T05:00:00.000Z')
      const before = rowsOf(event.id)
      expect(project().testCases.list().length).toBeGreaterThan(0)
      const mappingIds = project()
        .mappings.list()
        .filter((mapping) => mapping.eventId === event.id)
        .map((mapping) => mapping.id)
      const changedMappings: unknown[] = []
      studio.bus.subscribe((name, payload) => name === 'mappingsChanged' && changedMappings.push(payload))
      const deletion = studio.events.delete(event.id)
      expect(deletion).toEqual({ id: event.id, name: 'be_reserved', undoId: expect.any(String) })
      expect(rowsOf(event.id)).toBe(JSON.stringify([[], [], [], [], []]))

      const restored = studio.events.restore(deletion.undoId)
      expect(restored).toMatchObject({ event: { id: event.id, name: 'be_reserved' }, droppedMappings: 0 })
      expect(rowsOf(event.id)).toBe(before)
      expect(studioErrorOf(() => studio.events.restore(deletion.undoId)).code).toBe('not_found')
      // The mapping screens hear of the mappings that went and came back.
      const told = mappingIds.map((id) => ({ id }))
      expect(changedMappings).toEqual([...told, ...told])
    })

    it('refuses while the name is taken, keeping the undo, and leaves out mappings of deleted integrations', () => {
      const event = reserved()
      const mappings = project()
        .mappings.list()
        .filter((mapping) => mapping.eventId === event.id)
      expect(mappings.length).toBeGreaterThan(0)
      const { undoId } = studio.events.delete(event.id)
      const taken = studio.events.create(eventDraft({ name: 'BE_RESERVED' }))
      const refused = studioErrorOf(() => studio.events.restore(undoId))
      expect(refused).toMatchObject({
        code: 'conflict',
        message: expect.stringContaining('BE_RESERVED was made since')
      })

      studio.events.delete(taken.id)
      project().db.prepare('DELETE FROM integrations WHERE id = ?').run(mappings[0]!.integrationId)
      expect(studio.events.restore(undoId)).toMatchObject({ droppedMappings: 1 })
      expect(
        project()
          .mappings.list()
          .filter((mapping) => mapping.eventId === event.id)
      ).toHaveLength(mappings.length - 1)
    })

    it("comes back Draft when what its tests ran against changed meanwhile (its integration's event-name map)", () => {
      const event = reserved()
      expect(event.status).toBe('tested')
      const mapping = project()
        .mappings.list()
        .find((candidate) => candidate.eventId === event.id)!
      const { undoId } = studio.events.delete(event.id)
      const integration = project().integrations.get(mapping.integrationId)!
      const { id: _id, createdAt: _c, updatedAt: _u, ...draft } = integration
      studio.integrations.update(integration.id, {
        ...draft,
        eventNameMap: [{ sourceName: 'be_reserved_v9', eventName: 'be_reserved' }]
      })
      expect(studio.events.restore(undoId).event.status).toBe('draft')
    })

    it('takes letter case as the names do: only ASCII letters fold', () => {
      const event = studio.events.create(eventDraft({ name: 'évt_reserved' }))
      const { undoId } = studio.events.delete(event.id)
      studio.events.create(eventDraft({ name: 'Évt_reserved' }))
      expect(studio.events.restore(undoId).event.name).toBe('évt_reserved')
    })

    it('gives a fresh id to an attribute whose id was taken since, rather than failing', () => {
      const event = reserved()
      const { undoId } = studio.events.delete(event.id)
      const taker = studio.events.create(eventDraft({ name: 'taker', attributes: event.attributes }))
      expect(taker.attributes.map((attribute) => attribute.id)).toEqual(event.attributes.map((a) => a.id))
      const restored = studio.events.restore(undoId).event
      expect(restored.attributes.map((attribute) => attribute.name)).toEqual(event.attributes.map((a) => a.name))
      expect(restored.attributes.some((attribute) => taker.attributes.some((a) => a.id === attribute.id))).toBe(false)
    })

    it('lasts ten minutes', () => {
      const { undoId } = studio.events.delete(reserved().id)
      const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000).toISOString()
      project().db.prepare('UPDATE event_trash SET deleted_at = ? WHERE undo_id = ?').run(elevenMinutesAgo, undoId)
      expect(studioErrorOf(() => studio.events.restore(undoId))).toMatchObject({
        code: 'not_found',
        message: 'That event can no longer be put back (the undo lasts ten minutes).'
      })
      expect(project().events.findByName('be_reserved')).toBeUndefined()
      // Its rows (test-case payloads among them) do not outlive the undo: closing the project drops them.
      const path = project().path
      expect(project().db.prepare('SELECT count(*) AS rows FROM event_trash').get()).toEqual({ rows: 1 })
      studio.session.close()
      studio.session.open(path)
      expect(project().db.prepare('SELECT count(*) AS rows FROM event_trash').get()).toEqual({ rows: 0 })
    })
  })
})

describe('EventService, renaming an attribute', () => {
  let fixture: TestStudio
  let studio: Studio

  beforeEach(() => {
    fixture = createTestStudio('event-rename')
    studio = fixture.studio
    studio.session.close()
    studio.newProject(join(fixture.folder, 'Shop.capmap'), true)
  })

  afterEach(() => fixture.dispose())

  const reserved = () => studio.session.require().events.findByName('be_reserved')!
  const targetsOf = (eventId: string) =>
    studio.mappings
      .list()
      .filter((mapping) => mapping.eventId === eventId)
      .flatMap((mapping) => mapping.rules.map((rule) => rule.target))

  it("points the mappings' rules at the new name, and tells the mapping screens", () => {
    const event = reserved()
    const before = targetsOf(event.id)
    expect(before).toContain('hotel_name')
    const changed: unknown[] = []
    studio.bus.subscribe((name, payload) => name === 'mappingsChanged' && changed.push(payload))
    const { id: _id, status: _status, publications: _p, createdAt: _c, updatedAt: _u, ...draft } = event
    const renamed = draft.attributes.map((attribute) =>
      attribute.name === 'hotel_name' ? { ...attribute, name: 'hotel' } : attribute
    )
    studio.events.update(event.id, { ...draft, attributes: renamed })

    expect(targetsOf(event.id)).toEqual(before.map((target) => (target === 'hotel_name' ? 'hotel' : target)))
    const mappingId = studio.mappings.list().find((mapping) => mapping.eventId === event.id)!.id
    expect(changed).toEqual([{ id: mappingId }])
  })

  it('drops the rule a removed attribute left when another attribute is renamed to its name', () => {
    const event = reserved()
    const { id: _id, status: _status, publications: _p, createdAt: _c, updatedAt: _u, ...draft } = event
    const withoutHotel = draft.attributes.filter((attribute) => attribute.name !== 'hotel_name')
    studio.events.update(event.id, { ...draft, attributes: withoutHotel })
    expect(targetsOf(event.id)).toContain('hotel_name')
    const hotelNameSources = () =>
      studio.mappings
        .list()
        .find((mapping) => mapping.eventId === event.id)!
        .rules.filter((rule) => rule.target === 'hotel_name')
        .map((rule) => rule.source)
    const roomNights = studio.mappings
      .list()
      .find((mapping) => mapping.eventId === event.id)!
      .rules.find((rule) => rule.target === 'room_nights')!.source
    studio.events.update(event.id, {
      ...draft,
      attributes: withoutHotel.map((attribute) =>
        attribute.name === 'room_nights' ? { ...attribute, name: 'hotel_name' } : attribute
      )
    })
    expect(hotelNameSources()).toEqual([roomNights])
    expect(targetsOf(event.id)).not.toContain('room_nights')
  })

  it('leaves the rules of a removed attribute as they are, to be seen, when another is added in its place', () => {
    const event = reserved()
    const { id: _id, status: _status, publications: _p, createdAt: _c, updatedAt: _u, ...draft } = event
    // The same place in the list, but a new attribute (no id): not a rename.
    const replaced = draft.attributes.map(({ id: attributeId, ...attribute }) =>
      attribute.name === 'hotel_name' ? { ...attribute, name: 'hotel' } : { id: attributeId, ...attribute }
    )
    studio.events.update(event.id, { ...draft, attributes: replaced })
    expect(targetsOf(event.id)).toContain('hotel_name')
    expect(targetsOf(event.id)).not.toContain('hotel')
  })
})
