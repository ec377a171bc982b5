import type { PublishStep } from '../../../shared/model/publish'

/** Each step of a publish as the stepper names it. */
export const stepLabels: Record<PublishStep, string> = {
  local_checks: 'Local checks',
  definition: 'Definition',
  webhook: 'Webhook',
  adapter_mapping: 'Adapter mapping',
  test_post: 'Test post',
  logs: 'Logs verdict',
  awaiting_publish: 'Publish in InTouch',
  published: 'Published',
  failed: 'Failed'
}

/** The stepper's steps in order; `failed` is not a step of its own but marks where the run stopped. */
export const stepOrder: PublishStep[] = [
  'local_checks',
  'definition',
  'webhook',
  'adapter_mapping',
  'test_post',
  'logs',
  'awaiting_publish',
  'published'
]
