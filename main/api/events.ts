import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

type EventHandlers = Pick<Handlers, 'listEvents' | 'createEvent' | 'updateEvent' | 'deleteEvent'>

export const createEventHandlers = (studio: Studio): EventHandlers => ({
  listEvents: () => studio.events.list(),
  createEvent: ({ draft }) => studio.events.create(draft),
  updateEvent: ({ id, draft }) => studio.events.update(id, draft),
  deleteEvent: ({ id }) => studio.events.delete(id)
})
