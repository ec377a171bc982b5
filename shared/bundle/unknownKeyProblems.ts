import { indexStep, keyStep, spelledPath } from '../model/spelledPath'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * The keys of a bundle's JSON that its schema dropped, each at its place (`events[0].attributes[2].transfroms: the
 * bundle format has no such key`): the model's objects strip what they do not know, so a misspelt key would vanish
 * without a word. Walks the input beside what the schema made of it; a record kept whole (a payload) is the same
 * value on both sides.
 */
export function unknownKeyProblems(input: unknown, parsed: unknown): string[] {
  const problems: string[] = []
  const walk = (before: unknown, after: unknown, steps: string[]) => {
    if (before === after) return
    if (Array.isArray(before) && Array.isArray(after)) {
      before.forEach((item, index) => walk(item, after[index], [...steps, indexStep(index)]))
    } else if (isRecord(before) && isRecord(after)) {
      for (const [key, value] of Object.entries(before)) {
        if (Object.hasOwn(after, key)) walk(value, after[key], [...steps, keyStep(key)])
        else problems.push(`${spelledPath([...steps, keyStep(key)])}: the bundle format has no such key.`)
      }
    }
  }
  walk(input, parsed, [])
  return problems
}
