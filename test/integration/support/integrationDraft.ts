import type { IntegrationDraft } from '../../../shared/model/integration'

/** A custom integration as most tests need one: named, with its slug, the rest Capillary's defaults for a custom app. */
export function customIntegrationDraft(name: string, slug: string): IntegrationDraft {
  return {
    name,
    slug,
    kind: 'custom',
    sourceAccount: 'INSTORE',
    eventNameField: 'event_name',
    eventNameMap: []
  }
}
