import type { EventDefinition } from '../../shared/model/event'
import { eventDefinitionBody } from '../../shared/capillary/eventDefinitionBody'
import type { CapillaryAck, CapillaryClient } from '../capillary/client/CapillaryClient'
import { CapillaryError } from '../capillary/client/CapillaryError'
import { compareDefinitions, differs } from './compareDefinitions'

/**
 * Sends an event's definition. The client sends a call again when its answer is lost (a dropped connection, a
 * timeout, a 5xx), so a POST that creates (a custom event's create, a standard event's enable) may meet Capillary's
 * 1806 "event already exists" for the work its first try did. The org's event is then read back: the definition as
 * sent counts as sent; a standard event enabled but still without its custom attributes gets its whole-definition
 * PUT. Any other 1806 is what it says (someone made the event meanwhile).
 */
export async function sendDefinition(
  client: CapillaryClient,
  event: EventDefinition,
  mode: 'create' | 'replace'
): Promise<SentDefinition> {
  try {
    return { ack: await client.sendDefinition(event, { mode }) }
  } catch (error) {
    const lostCreate = error instanceof CapillaryError && error.code === 1806 && error.details.attempts > 1
    if (!lostCreate || mode !== 'create') throw error
    const remote = (await client.listEvents()).find((candidate) => candidate.eventName === event.name)
    if (!remote) throw error
    const recovered = `(The first answer was lost and the call sent again: Capillary had ${event.name} already.)`
    if (!differs(compareDefinitions(eventDefinitionBody(event), remote))) {
      return { ack: { warnings: [] }, recovered }
    }
    if (event.kind !== 'standard') throw error
    return { ack: await client.sendDefinition(event, { mode: 'replace' }), recovered }
  }
}

/** Capillary's acknowledgement, and the studio's own note when a lost answer was recovered from. */
export interface SentDefinition {
  ack: CapillaryAck
  recovered?: string
}
