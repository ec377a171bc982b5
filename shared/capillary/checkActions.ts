import type { EventAction } from '../model/event'
import { designError, type DesignIssue } from './designIssue'

/** Checks an event's destinations: BEREF 01 marks `actions` mandatory (error 1810 "event actions invalid"). */
export const checkActions = (actions: readonly EventAction[]): DesignIssue[] => {
  if (actions.length === 0) {
    return [
      designError(
        'actions',
        'actions_missing',
        'Choose at least one destination: Essential Insights (EIConsumer) or Loyalty, DVS and Communication ' +
          '(EMFConsumer).'
      )
    ]
  }
  return actions.flatMap((action, position) =>
    actions.indexOf(action) < position
      ? [designError(`actions/${position}`, 'action_duplicate', `${action} is chosen twice. Remove one.`)]
      : []
  )
}
