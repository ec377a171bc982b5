import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { checkpoint, openProjectDatabase, type ProjectDatabase } from '../../../../main/store/database'
import { EventRepository } from '../../../../main/store/EventRepository'
import { attributeDraft, eventDraft } from '../../support/eventDraft'
import { createTemporaryFolder } from '../../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>
let projectPath: string
let db: ProjectDatabase
let nextId = 0

const newId = () => `id-${(nextId += 1)}`
const created = '2025-03-01T10:00:00.000Z'
const later = '2025-03-02T11:30:00.000Z'

beforeEach(() => {
  folder = createTemporaryFolder('events')
  process.env.CAPMAP_CONFIG_DIR = join(folder.path, 'config')
  projectPath = join(folder.path, 'project.capmap')
  db = openProjectDatabase(projectPath, { create: true })
})

afterEach(() => {
  if (db.open) db.close()
  folder.remove()
})

/** Closes the project as the studio does and opens the file again, so reads come from the file itself. */
function reopen(): EventRepository {
  checkpoint(db)
  db.close()
  db = openProjectDatabase(projectPath)
  return new EventRepository(db)
}

function attributeCount(eventId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM attributes WHERE event_id = ?').get(eventId) as { n: number }).n
}

describe('EventRepository', () => {
  it('round-trips an event with every attribute option through the file across close and reopen', () => {
    const draft = eventDraft()
    new EventRepository(db).insert({ id: 'event-1', draft, now: created, newAttributeId: newId })
    const event = reopen().get('event-1')
    expect(event).toMatchObject({
      id: 'event-1',
      name: draft.name,
      label: draft.label,
      description: draft.description,
      kind: draft.kind,
      actions: draft.actions,
      status: 'draft',
      createdAt: created,
      updatedAt: created,
      attributes: draft.attributes.map((attribute) => ({ ...attribute, id: expect.any(String) }))
    })
  })

  it('keeps customer settings, enum values and a regex exactly as given', () => {
    new EventRepository(db).insert({ id: 'event-1', draft: eventDraft(), now: created, newAttributeId: newId })
    const attributes = reopen().get('event-1')?.attributes ?? []
    expect(attributes.find((attribute) => attribute.type === 'customer')?.customer).toEqual({
      identifierType: 'mobile',
      source: 'INSTORE',
      accountId: 'acc-1',
      addCustomerIfNotExists: true
    })
    expect(attributes.find((attribute) => attribute.type === 'enum')?.possibleValues).toEqual([
      'single',
      'double',
      'suite'
    ])
    expect(attributes.find((attribute) => attribute.type === 'couponCode')?.regex).toBe('^[A-Z]{3}-\\d{4}$')
  })

  it('keeps the attributes in the order they were given', () => {
    const draft = eventDraft()
    new EventRepository(db).insert({ id: 'event-1', draft, now: created, newAttributeId: newId })
    expect(
      reopen()
        .get('event-1')
        ?.attributes.map((attribute) => attribute.name)
    ).toEqual(draft.attributes.map((attribute) => attribute.name))
  })

  it('keeps an attribute id that the draft brings and makes one for the others', () => {
    const draft = eventDraft({
      attributes: [
        attributeDraft({ id: 'kept', name: 'a', type: 'string' }),
        attributeDraft({ name: 'b', type: 'string' })
      ]
    })
    const event = new EventRepository(db).insert({ id: 'event-1', draft, now: created, newAttributeId: () => 'made' })
    expect(event.attributes.map((attribute) => attribute.id)).toEqual(['kept', 'made'])
  })

  it('lists events by name, ignoring case, with their own attributes', () => {
    const repository = new EventRepository(db)
    repository.insert({
      id: 'b',
      draft: eventDraft({ name: 'beta', attributes: [attributeDraft({ name: 'x', type: 'string' })] }),
      now: created,
      newAttributeId: newId
    })
    repository.insert({
      id: 'a',
      draft: eventDraft({ name: 'Alpha', attributes: [] }),
      now: created,
      newAttributeId: newId
    })
    repository.insert({ id: 'c', draft: eventDraft({ name: 'charlie' }), now: created, newAttributeId: newId })
    const listed = reopen().list()
    expect(listed.map((event) => event.name)).toEqual(['Alpha', 'beta', 'charlie'])
    expect(listed.map((event) => event.attributes.length)).toEqual([0, 1, eventDraft().attributes.length])
  })

  it('finds an event by name whatever its case', () => {
    new EventRepository(db).insert({
      id: 'event-1',
      draft: eventDraft({ name: 'Room_Reserved' }),
      now: created,
      newAttributeId: newId
    })
    expect(reopen().findByName('room_reserved')?.id).toBe('event-1')
  })

  it('refuses a second event whose name differs only in case', () => {
    const repository = new EventRepository(db)
    repository.insert({ id: 'one', draft: eventDraft({ name: 'checkout' }), now: created, newAttributeId: newId })
    expect(() =>
      repository.insert({ id: 'two', draft: eventDraft({ name: 'CHECKOUT' }), now: created, newAttributeId: newId })
    ).toThrow(/UNIQUE/)
    expect(repository.get('two')).toBeUndefined()
    expect(attributeCount('two')).toBe(0)
  })

  it('returns undefined for an event that does not exist', () => {
    expect(new EventRepository(db).get('nothing')).toBeUndefined()
  })

  describe('update', () => {
    it('replaces the attributes whole: removed ones are gone, kept ones keep their id', () => {
      const repository = new EventRepository(db)
      const original = repository.insert({ id: 'event-1', draft: eventDraft(), now: created, newAttributeId: newId })
      const kept = original.attributes[1]
      if (!kept) throw new Error('the draft has attributes')
      const draft = eventDraft({
        attributes: [
          { ...kept, possibleValues: ['twin'] },
          attributeDraft({ name: 'arrival', type: 'date', isRequired: true })
        ]
      })
      repository.update({ id: 'event-1', draft, now: later, newAttributeId: () => 'new-attribute' })
      const attributes = reopen().get('event-1')?.attributes
      expect(attributes).toEqual([
        { ...kept, possibleValues: ['twin'] },
        { ...attributeDraft({ name: 'arrival', type: 'date', isRequired: true }), id: 'new-attribute' }
      ])
      expect(attributeCount('event-1')).toBe(2)
    })

    it('sends a tested event back to draft', () => {
      const repository = new EventRepository(db)
      repository.insert({ id: 'event-1', draft: eventDraft(), now: created, newAttributeId: newId })
      db.prepare("UPDATE events SET status = 'tested' WHERE id = 'event-1'").run()
      expect(repository.get('event-1')?.status).toBe('tested')
      const updated = repository.update({
        id: 'event-1',
        draft: eventDraft({ label: 'Changed' }),
        now: later,
        newAttributeId: newId
      })
      expect(updated.status).toBe('draft')
      expect(reopen().get('event-1')?.status).toBe('draft')
    })

    it('moves updatedAt and keeps createdAt', () => {
      const repository = new EventRepository(db)
      repository.insert({ id: 'event-1', draft: eventDraft(), now: created, newAttributeId: newId })
      const updated = repository.update({
        id: 'event-1',
        draft: eventDraft({ description: 'new' }),
        now: later,
        newAttributeId: newId
      })
      expect({ createdAt: updated.createdAt, updatedAt: updated.updatedAt, description: updated.description }).toEqual({
        createdAt: created,
        updatedAt: later,
        description: 'new'
      })
    })
  })

  describe('delete', () => {
    it('removes the event and cascades to its attributes', () => {
      const repository = new EventRepository(db)
      repository.insert({ id: 'event-1', draft: eventDraft(), now: created, newAttributeId: newId })
      expect(attributeCount('event-1')).toBe(eventDraft().attributes.length)
      expect(repository.delete('event-1')).toBe(true)
      const raw = new Database(projectPath, { readonly: true })
      const left = raw.prepare('SELECT count(*) AS n FROM attributes').get()
      raw.close()
      expect(left).toEqual({ n: 0 })
      expect(repository.get('event-1')).toBeUndefined()
    })

    it('leaves the other events and their attributes alone', () => {
      const repository = new EventRepository(db)
      repository.insert({ id: 'gone', draft: eventDraft({ name: 'gone' }), now: created, newAttributeId: newId })
      repository.insert({ id: 'stays', draft: eventDraft({ name: 'stays' }), now: created, newAttributeId: newId })
      repository.delete('gone')
      expect(
        reopen()
          .list()
          .map((event) => [event.id, event.attributes.length])
      ).toEqual([['stays', eventDraft().attributes.length]])
    })

    it('answers false for an event that does not exist', () => {
      expect(new EventRepository(db).delete('nothing')).toBe(false)
    })
  })

  it('refuses to read a row that a hand edit made invalid, rather than handing it on', () => {
    new EventRepository(db).insert({ id: 'event-1', draft: eventDraft(), now: created, newAttributeId: newId })
    db.prepare("UPDATE attributes SET type = 'colour' WHERE position = 0").run()
    expect(() => new EventRepository(db).get('event-1')).toThrow(/type/)
  })
})
