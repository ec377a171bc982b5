import type { EventDraft } from '../model/event'
import { capillaryLimits } from './capillaryLimits'
import { designError, designWarning, type DesignIssue, type DesignStage } from './designIssue'

/**
 * Checks the org's custom-event quota (SETUP "Limitations": "A maximum of 10 active events are allowed in an org").
 * `customEventCountInOrg` counts the org's active custom events other than this one. While designing the quota is
 * only a warning (the target org may change); before publishing it is an error.
 */
export const checkCustomEventQuota = (
  draft: Pick<EventDraft, 'kind'>,
  customEventCountInOrg: number,
  stage: DesignStage
): DesignIssue[] => {
  const limit = capillaryLimits.activeCustomEventsPerOrg
  if (draft.kind !== 'custom' || customEventCountInOrg < limit) return []
  const message =
    `Capillary allows at most ${limit} active custom events per org, and this org already has ` +
    `${customEventCountInOrg}. Disable one in Capillary first (disabling cannot be undone), or use a standard event.`
  return stage === 'publish'
    ? [designError('', 'custom_event_limit', message)]
    : [designWarning('', 'custom_event_limit', message)]
}
