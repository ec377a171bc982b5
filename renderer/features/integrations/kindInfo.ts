import type { IntegrationKind } from '../../../shared/model/integration'
import type { TransformerType } from '../../../shared/model/webhookSettings'

export interface KindInfo {
  label: string
  /** The kind as offered in a choice, in the words of Capillary's glossary (notes §1). */
  choice: string
}

export const kindInfo: Record<IntegrationKind, KindInfo> = {
  webengage: { label: 'WebEngage', choice: 'WebEngage' },
  custom: { label: 'Custom', choice: 'Custom (any other third-party app)' }
}

// Notes §5: the adapter list has only these two; the UI's "Custom" integration is the defaultTransformer webhook.
export const transformerLabels: Record<TransformerType, string> = {
  webEngageTransformer: 'WebEngage transformer',
  defaultTransformer: 'Default transformer (Custom)'
}

export const kindOfTransformer: Record<TransformerType, IntegrationKind> = {
  webEngageTransformer: 'webengage',
  defaultTransformer: 'custom'
}
