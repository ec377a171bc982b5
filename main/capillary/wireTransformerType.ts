/** Capillary's spelling of each transformer in the webhook bodies (notes §5: `WebEngageTransformer`, `defaultTransformer`). */
export const wireTransformerType = {
  webEngageTransformer: 'WebEngageTransformer',
  defaultTransformer: 'defaultTransformer'
} as const
