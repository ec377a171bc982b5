import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

export const createMappingHandlers = (
  studio: Studio
): Pick<Handlers, 'listMappings' | 'saveMapping' | 'deleteMapping'> => ({
  listMappings: () => studio.mappings.list(),
  saveMapping: ({ integrationId, eventId, spec }) => studio.mappings.save(integrationId, eventId, spec),
  deleteMapping: ({ id }) => studio.mappings.delete(id)
})
