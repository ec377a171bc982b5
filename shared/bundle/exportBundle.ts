import { indexStep, keyStep, spelledPath } from '../model/spelledPath'
import { bundleMaxDepth } from './bundleStructure'
import { type BundleContent, canonicalContent, serializeBundle } from './canonicalBundle'
import { readBundle } from './readBundle'

/** A bundle ready to write, or why it is not written (each problem naming its place and what to do). */
export type BundleExport = { ok: true; text: string } | { ok: false; problems: string[] }

/** How many places are listed at most: one is enough to act on, and a payload may hold thousands. */
const listedMost = 20
/** The levels the bundle itself wraps an item's field in: the bundle, its section, the item. */
const wrapping = 3

/** One value met on the walk, with what is needed to name its place only when it is reported. */
interface Step {
  value: unknown
  parent: Step | undefined
  /** `testCases[3]`, `.payload`, `[0]`. */
  segment: string
  /** Its level in the written file when it is an object or an array. */
  depth: number
  /** The item's field it lies in (`.payload`); none for the item itself. */
  field: Step | undefined
}

function pathOf(step: Step): string {
  const segments: string[] = []
  for (let at: Step | undefined = step; at !== undefined; at = at.parent) segments.push(at.segment)
  return spelledPath(segments.reverse())
}

const isContainer = (value: unknown): value is object => value !== null && typeof value === 'object'

/**
 * Adds what in one item would make the written bundle one the studio refuses to read (shared/bundle/readBundle.ts):
 * a `__proto__` key, a `constructor` holding a `prototype`, nesting deeper than a bundle may. Walked with a stack,
 * not recursion: a payload may nest as deep as its JSON allows.
 */
function addItemProblems(
  problems: string[],
  section: keyof BundleContent,
  index: number,
  item: object,
  owner: string
): void {
  const deepest = new Map<Step, number>()
  const stack: Step[] = [
    { value: item, parent: undefined, segment: `${section}[${index}]`, depth: wrapping, field: undefined }
  ]
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const { value, depth } = step
    if (!isContainer(value)) continue
    if (step.field) deepest.set(step.field, Math.max(deepest.get(step.field) ?? 0, depth))
    const children: Step[] = []
    const child = (childValue: unknown, segment: string) => {
      const next: Step = { value: childValue, parent: step, segment, depth: depth + 1, field: step.field }
      next.field ??= next
      children.push(next)
    }
    if (Array.isArray(value)) {
      value.forEach((childValue: unknown, position) => child(childValue, indexStep(position)))
    } else {
      const record = value as Record<string, unknown>
      for (const key of Object.keys(record)) {
        const childValue = record[key]
        // The writer leaves out undefined values, as JSON has none.
        if (childValue === undefined) continue
        if (key === '__proto__') problems.push(`${pathOf(step)} holds a "__proto__" key: remove it from ${owner}.`)
        else if (key === 'constructor' && isContainer(childValue) && Object.hasOwn(childValue, 'prototype')) {
          problems.push(`${pathOf(step)} holds a "constructor" with a "prototype": remove it from ${owner}.`)
        }
        child(childValue, keyStep(key))
      }
    }
    // Pushed last first, so places are reported in the order they are written.
    for (let position = children.length - 1; position >= 0; position--) stack.push(children[position] as Step)
  }
  for (const [field, depth] of deepest) {
    if (depth > bundleMaxDepth) {
      problems.push(
        `${pathOf(field)} nests ${depth - wrapping} levels deep, and a bundle takes ${bundleMaxDepth - wrapping} there: make it shallower in ${owner}.`
      )
    }
  }
}

/**
 * Everything that would keep the bundle from being imported again, named at its place in the bundle's order (as the
 * export scan names them): an event named `__proto__` (the provenance keys its hash by the event's name), then what
 * each item holds.
 */
function travelProblems(ordered: BundleContent): string[] {
  const problems = ordered.events
    .filter((event) => event.name === '__proto__')
    .map((event) => `Event "${event.name}" cannot travel in a bundle: rename it.`)
  const walk = <T extends object>(section: keyof BundleContent, items: readonly T[], owner: (item: T) => string) =>
    items.forEach((item, index) => addItemProblems(problems, section, index, item, owner(item)))
  walk('events', ordered.events, (event) => `the event ${event.name}`)
  walk('integrations', ordered.integrations, (integration) => `the integration ${integration.slug}`)
  walk('mappings', ordered.mappings, (mapping) => `the mapping ${mapping.integration} → ${mapping.event}`)
  walk(
    'testCases',
    ordered.testCases,
    (testCase) => `the test case "${testCase.name}" (${testCase.integration} → ${testCase.event})`
  )
  return problems
}

/**
 * The bundle's canonical text, or why it is not written. What the studio exports it must be able to import: what would
 * be refused is named first, then the text is read back by the same rules as an import, so nothing else slips out.
 * The one check of every export (the studio's and `capmap export`).
 */
export function exportBundle(content: BundleContent, studioVersion: string): BundleExport {
  const ordered = canonicalContent(content)
  const problems = travelProblems(ordered)
  if (problems.length > listedMost) {
    return {
      ok: false,
      problems: [...problems.slice(0, listedMost), `And ${problems.length - listedMost} more places like these.`]
    }
  }
  if (problems.length > 0) return { ok: false, problems }
  const text = serializeBundle(ordered, studioVersion)
  const readBack = readBundle(text)
  return readBack.ok ? { ok: true, text } : { ok: false, problems: readBack.problems }
}
