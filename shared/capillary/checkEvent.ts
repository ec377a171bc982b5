import type { EventDraft } from '../model/event'
import { checkActions } from './checkActions'
import { checkAttribute } from './checkAttribute'
import { checkAttributeCount } from './checkAttributeCount'
import { checkCustomerField } from './checkCustomerField'
import { checkCustomEventQuota } from './checkCustomEventQuota'
import { checkEventName } from './checkEventName'
import { checkStandardEvent } from './checkStandardEvent'
import type { DesignIssue, DesignStage } from './designIssue'

export type CheckEventContext = {
  /** The names of the project's other events (not this one). */
  otherEventNames: readonly string[]
  /** The org's active custom events, not counting this one. */
  customEventCountInOrg: number
  stage: DesignStage
}

/** Every rule Capillary's docs give for an event definition, as issues the designer shows next to their fields. */
export const checkEvent = (draft: EventDraft, context: CheckEventContext): DesignIssue[] => [
  ...checkEventName(draft.name, context.otherEventNames),
  ...checkCustomEventQuota(draft, context.customEventCountInOrg, context.stage),
  ...checkStandardEvent(draft),
  ...checkActions(draft.actions),
  ...checkAttributeCount(draft),
  ...checkCustomerField(draft.attributes),
  ...draft.attributes.flatMap((_, index) => checkAttribute(draft.attributes, index))
]
