import type { EventDefinition } from '../../../shared/model/event'
import type { PublishStateEntry, PublishStateView } from '../../../shared/model/publish'
import { eventStanding, includedByDefault, type EventStanding } from './eventStanding'

export interface PublishRow {
  event: EventDefinition
  standing: EventStanding
  entry: PublishStateEntry | undefined
  /** In the next dry run and publish. */
  included: boolean
}

/** The project's events as the Publish screen lists them for one profile, with the user's include choices applied. */
export function publishRows(
  events: readonly EventDefinition[],
  profileKey: string,
  state: PublishStateView | null,
  choices: Record<string, boolean>
): PublishRow[] {
  return events.map((event) => {
    const entry = state?.events.find((candidate) => candidate.eventId === event.id)
    const standing = eventStanding(event, profileKey, entry)
    return { event, standing, entry, included: choices[event.id] ?? includedByDefault(standing) }
  })
}
