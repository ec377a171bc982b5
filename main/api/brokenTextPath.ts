import { indexStep, keyStep, spelledPath } from '../../shared/model/spelledPath'
import { isWellFormedText } from '../../shared/model/wellFormedText'

/** A value met on the walk, with how it was reached: its path is spelled out only for the one that is reported. */
interface Step {
  value: unknown
  key: string
  inList: boolean
  parent: Step | undefined
}

/**
 * Where an input holds text that is not well formed (a lone surrogate), as `draft.attributes[2].label` ('' for the
 * input itself); undefined when none does. SQLite keeps text as UTF-8, which cannot hold one: it would store a
 * replacement character, and what is read back would differ from what was saved, silently. Walked without
 * recursion, as inputs may nest deep.
 */
export function brokenTextPath(input: unknown): string | undefined {
  const pending: Step[] = [{ value: input, key: '', inList: false, parent: undefined }]
  // IPC's structured clone keeps cycles and shared objects: each object is walked once.
  const walked = new Set<object>()
  for (let step = pending.pop(); step; step = pending.pop()) {
    const { value } = step
    if (typeof value === 'string') {
      if (!isWellFormedText(value)) return pathOf(step)
      continue
    }
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || walked.has(value)) continue
    walked.add(value)
    const inList = Array.isArray(value)
    for (const [key, child] of Object.entries(value)) {
      const childStep = { value: child, key, inList, parent: step }
      if (!isWellFormedText(key)) return pathOf(childStep)
      pending.push(childStep)
    }
  }
  return undefined
}

/** The step's path from the input ('' for the input itself). */
function pathOf(step: Step): string {
  const steps: string[] = []
  for (let at: Step | undefined = step; at?.parent; at = at.parent) {
    steps.push(at.inList ? indexStep(at.key) : keyStep(at.key))
  }
  return spelledPath(steps.reverse())
}
