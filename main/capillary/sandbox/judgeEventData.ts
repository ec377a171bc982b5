import { findCapillaryDateFormat } from '../../../shared/capillary/findCapillaryDateFormat'
import { conformValue } from '../../../shared/capillary/valueConformer'
import type { EventDraft } from '../../../shared/model/event'

export interface ProcessingState {
  status: string
  message: string
}

/** How one posted event ends, as `/v2/events/logs` reports it, with the `running_status` states that led there. */
export interface EventOutcome {
  status: string
  message: string
  states: ProcessingState[]
}

const present = (value: unknown): boolean => value !== undefined && value !== null && value !== ''

/**
 * Processes one event's values (already mapped onto the event's field names) as Capillary's pipeline reports it:
 * the customer first (NO_CUSTOMER_DETAILS_PASSED, BEREF 18), then each field (EVENT_FIELD_VALIDATION_STARTED /
 * FINISHED, SLATE:L4946) under shared/capillary's value rules, a group identifier (INVALID_GROUP_IDENTIFIER_PASSED,
 * BEREF 18), eventDateTime's format (SETUP), then the consumers. A status the docs do not show is the sandbox's
 * own: EVENT_VALIDATION_FAILED.
 */
export function judgeEventData(event: EventDraft, values: Record<string, unknown>): EventOutcome {
  const states: ProcessingState[] = [{ status: 'EVENT_PROCESSING_STARTED', message: event.name }]
  const fail = (status: string, message: string): EventOutcome => {
    states.push({ status, message })
    return { status, message, states }
  }
  const customer = event.attributes.find((attribute) => attribute.type === 'customer')
  // SETUP "Limitations": no anonymous events; BEREF 18 status NO_CUSTOMER_DETAILS_PASSED.
  if (!customer || !present(values[customer.name]))
    return fail('NO_CUSTOMER_DETAILS_PASSED', 'No customer details passed')
  for (const attribute of event.attributes) {
    states.push({ status: 'EVENT_FIELD_VALIDATION_STARTED', message: attribute.name })
    const value = values[attribute.name]
    if (!present(value)) {
      if (attribute.type === 'groupId' && attribute.isRequired) {
        return fail('INVALID_GROUP_IDENTIFIER_PASSED', 'Invalid group identifier passed null')
      }
      if (attribute.isRequired) return fail('EVENT_VALIDATION_FAILED', `Mandatory field ${attribute.name} is missing`)
    } else {
      const problem = conformValue(attribute, value).issues.find((issue) => issue.severity === 'error')
      if (problem) {
        // BEREF 18: "Invalid group identifier passed 3854766".
        if (attribute.type === 'groupId')
          return fail('INVALID_GROUP_IDENTIFIER_PASSED', `Invalid group identifier passed ${String(value)}`)
        return fail('EVENT_VALIDATION_FAILED', `Field ${attribute.name}: ${problem.message}`)
      }
    }
    states.push({ status: 'EVENT_FIELD_VALIDATION_FINISHED', message: attribute.name })
  }
  const when = values.eventDateTime
  // SETUP "Standard Attributes": eventDateTime in one of the listed formats.
  if (present(when) && (typeof when !== 'string' || findCapillaryDateFormat(when) === undefined)) {
    return fail('EVENT_VALIDATION_FAILED', `eventDateTime ${JSON.stringify(when)} is not in a format Capillary accepts`)
  }
  states.push({ status: 'EVENT_VALIDATION_FINISHED', message: event.name })
  for (const action of event.actions) {
    states.push(
      { status: 'EVENT_CONSUMER_STARTED', message: action },
      { status: 'EVENT_CONSUMER_FINISHED', message: action }
    )
  }
  // BEREF 18: "Event processed successfully".
  return { status: 'EVENT_SUCCESS', message: 'Event processed successfully', states }
}
