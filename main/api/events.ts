import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

type EventHandlers = Pick<
  Handlers,
  'listEvents' | 'createEvent' | 'updateEvent' | 'deleteEvent' | 'restoreEvent' | 'addStandardEvent' | 'duplicateEvent'
>

export const createEventHandlers = (studio: Studio): EventHandlers => ({
  listEvents: () => studio.events.list(),
  createEvent: ({ draft }) => studio.events.create(draft),
  updateEvent: ({ id, draft }) => studio.events.update(id, draft),
  deleteEvent: ({ id }) => studio.events.delete(id),
  restoreEvent: ({ undoId }) => studio.events.restore(undoId),
  addStandardEvent: ({ name }) => studio.events.addStandard(name),
  duplicateEvent: ({ id }) => studio.events.duplicate(id)
})
