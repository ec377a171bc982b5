import { vi } from 'vitest'
import type { RequestInput } from '../../../../shared/api/contract'
import { fail, ok } from '../../../../shared/api/result'
import { IntegrationDraft, type Integration } from '../../../../shared/model/integration'
import { slugProblem } from '../../../../shared/model/slug'
import { TransformerType, WebhookSettings } from '../../../../shared/model/webhookSettings'

const now = '2026-11-28T00:00:00.000Z'

export const integration = (id: string, draft: Partial<IntegrationDraft> = {}): Integration => ({
  id,
  name: `Integration ${id}`,
  slug: `integration-${id}`,
  kind: 'webengage',
  sourceAccount: 'WEB_ENGAGE',
  eventNameField: 'event_name',
  eventNameMap: [],
  createdAt: now,
  updatedAt: now,
  ...draft
})

/**
 * An in-memory stand-in for the integrations part of the api (our own interface, not a library's): inputs are parsed
 * as main does, and it refuses what IntegrationService refuses, with the same codes.
 */
export function fakeIntegrationsApi(initial: Integration[] = [], initialWebhooks: WebhookSettings[] = []) {
  let integrations = [...initial]
  let webhooks = TransformerType.options.map(
    (transformer) =>
      initialWebhooks.find((settings) => settings.transformer === transformer) ?? {
        transformer,
        tillCode: '',
        auth: 'none' as const,
        uniquenessCheckEnabled: false
      }
  )
  let counter = 0
  const refusal = (draft: IntegrationDraft, exceptId?: string) => {
    if (!draft.name.trim()) return fail('invalid_input', 'Give the integration a name.')
    const others = integrations.filter((candidate) => candidate.id !== exceptId).map((other) => other.slug)
    const problem = slugProblem(draft.slug, others)
    if (problem) return fail(others.includes(draft.slug) ? 'conflict' : 'invalid_input', problem)
    const names = draft.eventNameMap.map((entry) => entry.sourceName)
    const repeated = names.find((name, index) => names.indexOf(name) !== index)
    if (repeated !== undefined) return fail('invalid_input', `The source event name "${repeated}" is mapped twice.`)
    return undefined
  }
  return {
    listIntegrations: vi.fn(async () => ok([...integrations])),
    createIntegration: vi.fn(async ({ draft }: RequestInput<'createIntegration'>) => {
      const parsed = IntegrationDraft.parse(draft)
      const refused = refusal(parsed)
      if (refused) return refused
      const created = integration(`i${++counter}`, parsed)
      integrations = [...integrations, created]
      return ok(created)
    }),
    updateIntegration: vi.fn(async ({ id, draft }: RequestInput<'updateIntegration'>) => {
      const parsed = IntegrationDraft.parse(draft)
      if (!integrations.some((candidate) => candidate.id === id))
        return fail('not_found', 'That integration no longer exists.')
      const refused = refusal(parsed, id)
      if (refused) return refused
      const updated = integration(id, parsed)
      integrations = integrations.map((candidate) => (candidate.id === id ? updated : candidate))
      return ok(updated)
    }),
    deleteIntegration: vi.fn(async ({ id }: RequestInput<'deleteIntegration'>) => {
      if (!integrations.some((candidate) => candidate.id === id))
        return fail('not_found', 'That integration no longer exists.')
      integrations = integrations.filter((candidate) => candidate.id !== id)
      return ok({ id })
    }),
    listWebhookSettings: vi.fn(async () => ok([...webhooks])),
    saveWebhookSettings: vi.fn(async ({ settings }: RequestInput<'saveWebhookSettings'>) => {
      const parsed = WebhookSettings.parse(settings)
      const current = webhooks.find((entry) => entry.transformer === parsed.transformer)
      if (current?.uniquenessCheckEnabled && !parsed.uniquenessCheckEnabled)
        return fail(
          'conflict',
          'The uniqueness check cannot be turned off once enabled: Capillary makes it irreversible.'
        )
      webhooks = webhooks.map((entry) => (entry.transformer === parsed.transformer ? parsed : entry))
      return ok([...webhooks])
    })
  }
}
