import type { PublishVerdict } from '../../../shared/model/publish'

/**
 * What to do after a failed verdict, by the logs' status (notes §7.1: the statuses seen in Capillary's logs) or the
 * studio's own (a refused request, logs that never answered, a cancelled run).
 */
const adviceByStatus: Record<string, string> = {
  EMF_PROCESSOR_FAILED:
    'Capillary could not process the event for Loyalty (EMF): check that the customer identifier in the test post ' +
    'names a customer of this org, or let the customer field add customers that do not exist.',
  NO_CUSTOMER_DETAILS_PASSED:
    'The test post carried no customer: map the customer field of the event, run the tests, then publish again.',
  INVALID_GROUP_IDENTIFIER_PASSED:
    'The group identifier is not one this org knows: check the group field’s mapping and its identifier type.',
  REQUEST_REFUSED:
    'Capillary refused a request: fix what its message names (the event, the profile or the org), then run the dry ' +
    'run again.',
  LOGS_TIMEOUT:
    'Capillary’s logs said nothing in time: it may be slow. Look at the event’s logs in InTouch, or publish again ' +
    'later; nothing has to be undone.',
  CANCELLED: 'You cancelled the run: the steps already done stay done. Publish again to finish.'
}

const fallback =
  'Fix what Capillary’s message names, run the event’s tests again, then make a dry run and publish again.'

export const verdictAdvice = (verdict: PublishVerdict): string =>
  verdict.ok ? '' : (adviceByStatus[verdict.status] ?? fallback)
