import type { EventDraft } from '../model/event'
import { capillaryLimits } from './capillaryLimits'
import { designError, designWarning, type DesignIssue } from './designIssue'

/**
 * Checks the 20-attribute limit. Capillary states it for custom events (SETUP "Limitations"), so it is an error
 * there and a warning on a standard event, where it probably applies but is not documented.
 */
export const checkAttributeCount = (draft: Pick<EventDraft, 'kind' | 'attributes'>): DesignIssue[] => {
  const limit = capillaryLimits.attributesPerEvent
  const count = draft.attributes.length
  if (count <= limit) return []
  const message =
    `Capillary allows at most ${limit} attributes in a custom event; this one has ${count}. ` +
    `Remove ${count - limit} of them.`
  return draft.kind === 'custom'
    ? [designError('attributes', 'attributes_too_many', message)]
    : [designWarning('attributes', 'attributes_too_many', `${message} The limit is documented for custom events only.`)]
}
