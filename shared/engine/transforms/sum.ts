import { countDecimals } from '../../capillary/countDecimals'
import { describeValue, type TransformStep } from './transformStep'

/**
 * Adds up a list of numbers or numeric texts (null elements are skipped). The total is rounded to the most decimal
 * places among the terms, so 0.1 + 0.2 gives 0.3, not 0.30000000000000004 (which Capillary's Double would refuse
 * for its 17 decimals). A non-numeric element is a type_mismatch and gives no total.
 */
export const sum: TransformStep = (value, _scope, report) => {
  if (value === undefined || value === null) return value
  const terms = Array.isArray(value) ? value : [value]
  let total = 0
  let decimals = 0
  for (const term of terms) {
    if (term === null || term === undefined) continue
    const decimalPlaces = typeof term === 'number' || typeof term === 'string' ? countDecimals(term) : undefined
    if (decimalPlaces === undefined || (typeof term === 'number' && !Number.isFinite(term))) {
      report('error', 'type_mismatch', `sum: ${describeValue(term)} is not a number.`)
      return undefined
    }
    total += Number(term)
    decimals = Math.max(decimals, decimalPlaces)
  }
  return decimals > 15 ? total : Number(total.toFixed(decimals))
}
