import type { PublishProgress, PublishStep } from '../../../shared/model/publish'
import { stepOrder } from './stepLabels'

export type StepState = 'done' | 'active' | 'waiting' | 'failed' | 'pending'

/**
 * Each step's state for one event, from the progress it sent (a progress names the step being worked on): steps
 * before the furthest reached are done; the furthest is active, failed (the run stopped there), waiting (on a
 * person: publish in InTouch) or done (published).
 */
export function stepStates(
  history: readonly PublishProgress[],
  /** Locked for the profile (published, seen by a check or marked by hand): every step is done. */
  locked = false
): Record<Exclude<PublishStep, 'failed'>, StepState> {
  const latest = history.at(-1)
  const reached = Math.max(-1, ...history.map((progress) => stepOrder.indexOf(progress.step)))
  const states = {} as Record<Exclude<PublishStep, 'failed'>, StepState>
  stepOrder.forEach((step, index) => {
    const key = step as Exclude<PublishStep, 'failed'>
    if (locked) states[key] = 'done'
    else if (index < reached) states[key] = 'done'
    else if (index > reached) states[key] = 'pending'
    else if (latest?.step === 'failed') states[key] = 'failed'
    else if (step === 'published') states[key] = 'done'
    else if (step === 'awaiting_publish') states[key] = 'waiting'
    else states[key] = latest?.done ? 'done' : 'active'
  })
  // Failed before any step was reported (e.g. refused at once): the first step carries the failure.
  if (!locked && reached === -1 && latest?.step === 'failed') states.local_checks = 'failed'
  return states
}
