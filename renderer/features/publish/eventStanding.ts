import type { EventDefinition } from '../../../shared/model/event'
import type { PublishStage, PublishStateEntry } from '../../../shared/model/publish'

/**
 * Where an event stands with one org, furthest first: published (locked), or the publish state's stage (accepted:
 * definition sent and test posted; verified: the logs said EVENT_SUCCESS), else the Tested gate's Draft or Tested.
 */
export type EventStanding = 'draft' | 'tested' | PublishStage

export const standingLabels: Record<EventStanding, string> = {
  draft: 'Draft',
  tested: 'Tested',
  accepted: 'Accepted',
  verified: 'Verified',
  published: 'Published',
  failed: 'Failed',
  disabled: 'Disabled'
}

/** What each standing means, for the chip's tooltip and screen readers. */
export const standingHints: Record<EventStanding, string> = {
  draft: 'Not Tested: it has no test case yet, or not all of them pass. Prove its mappings in Tests first.',
  tested: 'Its test cases pass: ready for a dry run.',
  accepted: 'Capillary took the definition and the test post; the logs have not said EVENT_SUCCESS yet.',
  verified: 'The logs said EVENT_SUCCESS: publish it in InTouch, then check again or mark it published.',
  published: 'Published on this org: locked. A change needs a new version.',
  failed: 'The last publish failed: see the verdict, fix, and publish again.',
  disabled: 'Disabled on this org (irreversible).'
}

/** The publication that locks the event for this profile, if any (kept in the event itself). */
export const lockOf = (event: EventDefinition, profileKey: string) =>
  event.publications.find((publication) => publication.profile === profileKey)

export function eventStanding(
  event: EventDefinition,
  profileKey: string,
  entry: PublishStateEntry | undefined
): EventStanding {
  if (lockOf(event, profileKey)) return 'published'
  if (entry) return entry.stage
  return event.status
}

/** Left out unless chosen: events already published (locked) or not Tested; the others are in by default. */
export const includedByDefault = (standing: EventStanding) =>
  standing !== 'draft' && standing !== 'published' && standing !== 'disabled'

/** Whether the org holds the event (so it can be disabled there). */
export const existsOnOrg = (standing: EventStanding) =>
  standing === 'accepted' || standing === 'verified' || standing === 'published'
