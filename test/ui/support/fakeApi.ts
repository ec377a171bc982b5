import { vi } from 'vitest'
import { fail, ok } from '../../../shared/api/result'
import type { RequestInput } from '../../../shared/api/contract'
import { standardEventDraft } from '../../../shared/capillary/standardEventDraft'
import { EventDraft, type EventDefinition } from '../../../shared/model/event'

/** An in-memory stand-in for the events part of the api (our own interface, not a library's); inputs are parsed as main does. */
export function fakeEventsApi(initial: EventDefinition[] = []) {
  let events = [...initial]
  let counter = 0
  const trash = new Map<string, EventDefinition>()
  const toEvent = (id: string, draft: EventDraft): EventDefinition => ({
    ...draft,
    id,
    status: 'draft',
    publications: [],
    createdAt: '2026-11-28T00:00:00.000Z',
    updatedAt: '2026-11-28T00:00:00.000Z',
    attributes: draft.attributes.map((attribute, index) => ({ ...attribute, id: attribute.id ?? `${id}-a${index}` }))
  })
  return {
    listEvents: vi.fn(async () => ok(events)),
    createEvent: vi.fn(async ({ draft }: RequestInput<'createEvent'>) => {
      const event = toEvent(`e${++counter}`, EventDraft.parse(draft))
      events = [...events, event]
      return ok(event)
    }),
    updateEvent: vi.fn(async ({ id, draft }: RequestInput<'updateEvent'>) => {
      const event = toEvent(id, EventDraft.parse(draft))
      events = events.map((candidate) => (candidate.id === id ? event : candidate))
      return ok(event)
    }),
    addStandardEvent: vi.fn(async ({ name }: RequestInput<'addStandardEvent'>) => {
      const event = toEvent(`e${++counter}`, standardEventDraft(name))
      events = [...events, event]
      return ok(event)
    }),
    duplicateEvent: vi.fn(async ({ id }: RequestInput<'duplicateEvent'>) => {
      const source = events.find((candidate) => candidate.id === id)!
      const event = toEvent(`e${++counter}`, { ...source, name: `${source.name}_v2`, kind: 'custom' })
      events = [...events, event]
      return ok(event)
    }),
    deleteEvent: vi.fn(async ({ id }: RequestInput<'deleteEvent'>) => {
      const deleted = events.find((candidate) => candidate.id === id)!
      events = events.filter((candidate) => candidate.id !== id)
      trash.set(`undo-${id}`, deleted)
      return ok({ id, name: deleted.name, undoId: `undo-${id}` })
    }),
    restoreEvent: vi.fn(async ({ undoId }: RequestInput<'restoreEvent'>) => {
      const event = trash.get(undoId)
      if (!event) return fail('not_found', 'That event can no longer be put back (the undo lasts ten minutes).')
      trash.delete(undoId)
      events = [...events, event]
      return ok({ event, droppedMappings: 0 })
    })
  }
}
