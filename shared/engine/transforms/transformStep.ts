import type { DiagnosticCode, DiagnosticSeverity } from '../diagnostics'

/** Says something about the value being transformed; the engine adds the attribute and the pointers. */
export type Report = (
  severity: DiagnosticSeverity,
  code: DiagnosticCode,
  message: string,
  inputPointer?: string
) => void

/** What a rule reads besides its value: the whole payload and, under fan-out, the current item and where it is. */
export interface TransformScope {
  payload: unknown
  item: unknown
  /** JSON pointer of the item in the payload ('' without fan-out). */
  itemPointer: string
}

/** One compiled step of a pipeline: total (never throws), undefined meaning "no value". */
export type TransformStep = (value: unknown, scope: TransformScope, report: Report) => unknown

export type CompiledTransform =
  | {
      ok: true
      step: TransformStep
      /** The step reads the current item (a template placeholder without `$.`), not only its value and the payload. */
      readsItem?: boolean
    }
  | { ok: false; error: string }

/** Applies a scalar step to each element of a list (dropping elements that give no value), or to a scalar. */
export function elementwise(apply: (value: unknown, report: Report) => unknown): TransformStep {
  return (value, _scope, report) => {
    if (!Array.isArray(value)) return apply(value, report)
    const results: unknown[] = []
    for (const element of value) {
      const result = apply(element, report)
      if (result !== undefined) results.push(result)
    }
    return results
  }
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? value.slice(0, 60) + '...' : value)
  if (value === null || typeof value !== 'object') return String(value)
  return Array.isArray(value) ? 'a list' : 'an object'
}
