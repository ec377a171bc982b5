import type {
  CompiledTransform,
  TransformScope,
  TransformStep
} from '../../../../../shared/engine/transforms/transformStep'

export interface Reported {
  severity: string
  code: string
  message: string
  inputPointer?: string
}

/** Runs one step the way the engine does, collecting what it reports. */
export function runStep(
  step: TransformStep,
  value: unknown,
  scope: TransformScope = { payload: undefined, item: undefined, itemPointer: '' }
): { value: unknown; reports: Reported[] } {
  const reports: Reported[] = []
  const result = step(value, scope, (severity, code, message, inputPointer) =>
    reports.push(inputPointer === undefined ? { severity, code, message } : { severity, code, message, inputPointer })
  )
  return { value: result, reports }
}

export function compiled(made: CompiledTransform): TransformStep {
  if (!made.ok) throw new Error(made.error)
  return made.step
}
