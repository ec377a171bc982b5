import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

export const createCaptureHandlers = (
  studio: Studio
): Pick<Handlers, 'listCaptures' | 'getCapture' | 'deleteCaptures'> => ({
  listCaptures: (query) => studio.captures.list(query),
  getCapture: ({ id }) => studio.captures.get(id),
  deleteCaptures: (selection) => studio.captures.delete(selection)
})
