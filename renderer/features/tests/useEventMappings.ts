import { useMemo } from 'react'
import type { Mapping } from '../../../shared/model/mapping'
import { useStudioStore } from '../../app/StudioContext'

export interface EventMapping {
  mapping: Mapping
  /** The integration's name, to tell the event's mappings apart. */
  label: string
}

/** The mappings that target an event, each named by its integration. */
export function useEventMappings(eventId: string | null): EventMapping[] {
  const mappings = useStudioStore(
    (s) => s.tests,
    (state) => state.mappings
  )
  const integrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  return useMemo(
    () =>
      mappings
        .filter((mapping) => mapping.eventId === eventId)
        .map((mapping) => ({
          mapping,
          label: integrations.find((integration) => integration.id === mapping.integrationId)?.name ?? 'An integration'
        })),
    [mappings, integrations, eventId]
  )
}
