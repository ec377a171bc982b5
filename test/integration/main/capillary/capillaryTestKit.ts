import { eventDefinitionBody } from '../../../../shared/capillary/eventDefinitionBody'
import type { EventDraft } from '../../../../shared/model/event'
import type { ClientTiming } from '../../../../main/capillary/client/ClientTiming'
import type { Logger } from '../../../../main/platform/logger'
import { attributeDraft } from '../../support/eventDraft'

/** Injected time for the client: sleeps return at once and move the clock, and every wait is recorded. */
export function fakeTiming(start = Date.UTC(2026, 10, 28, 9)) {
  let now = start
  const waits: number[] = []
  const timing: ClientTiming & { waits: number[]; advance(ms: number): void; current(): number } = {
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms)
      now += ms
    },
    random: () => 0.5,
    waits,
    advance: (ms) => {
      now += ms
    },
    current: () => now
  }
  return timing
}

/** A logger that keeps every line, to prove what is (and is not) logged. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (message) => void lines.push(`info ${message}`),
    warn: (message) => void lines.push(`warn ${message}`),
    error: (message) => void lines.push(`error ${message}`)
  }
}

/** Attribute drafts with the schema's defaults: the helper the other integration tests use. */
export const attribute = attributeDraft

/** A custom event as the designer makes it: a required mobile customer, a unique promotion id, a discount, a tier. */
export function promotionViewed(overrides: Partial<EventDraft> = {}): EventDraft {
  return {
    name: 'promotionViewed',
    label: 'Promotion viewed',
    description: 'Promotion viewed (from WebEngage)',
    kind: 'custom',
    actions: ['EIConsumer', 'EMFConsumer'],
    attributes: [
      attribute({
        name: 'customerId',
        type: 'customer',
        isRequired: true,
        customer: { identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: false }
      }),
      attribute({ name: 'promotionId', type: 'string', isRequired: true, isUniqueKeyField: true }),
      attribute({ name: 'discount', type: 'double' }),
      attribute({ name: 'tier', type: 'enum', possibleValues: ['gold', 'silver'] }),
      attribute({ name: 'viewedOn', type: 'date' })
    ],
    ...overrides
  }
}

/** The wire body of a draft, exactly as the studio sends it (shared/capillary). */
export const bodyOf = (draft: EventDraft) => eventDefinitionBody(draft)

/** Polls until `read` gives a value `accept` takes (the sandbox processes posted events asynchronously). */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 5000
): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (accept(value)) return value
    if (Date.now() - started > timeoutMs)
      throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
