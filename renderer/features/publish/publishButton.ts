import type { PublishPlan } from '../../../shared/model/publish'
import { plural } from '../../ui/plural'

export interface PublishButton {
  label: string
  enabled: boolean
  /** Why it cannot publish now, for its tooltip; null when it can. */
  reason: string | null
}

/** Whether the dry run covers exactly the events now included (a publish sends what the dry run showed). */
export const sameEvents = (plan: PublishPlan, included: readonly string[]) =>
  plan.events.length === included.length && plan.events.every((event) => included.includes(event.eventId))

/**
 * The Publish button. It counts only what a click would publish: the events the dry run still standing found ready.
 * Without such a dry run (none yet, one used up by the last publish, or one of other events than those ticked) it
 * says a dry run comes first, rather than "Publish 0 events" beside a ticked box.
 */
export function publishButton(plan: PublishPlan | null, planUsed: boolean, included: readonly string[]): PublishButton {
  const waiting = (label: string, reason: string): PublishButton => ({ label, enabled: false, reason })
  if (!plan) return waiting('Publish after a dry run', 'Make a dry run first: it shows what will be sent.')
  if (planUsed) {
    return waiting('Publish after a new dry run', 'The org changed with the last publish: dry run again first.')
  }
  if (!sameEvents(plan, included)) {
    return waiting('Publish after a new dry run', 'The choice changed since the dry run: dry run again first.')
  }
  const ready = plan.events.filter((event) => event.ready).length
  if (ready === 0) return waiting('Nothing ready to publish', 'The dry run says why under each event.')
  return { label: `Publish ${plural(ready, 'event')}`, enabled: true, reason: null }
}
