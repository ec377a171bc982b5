import secureJson from 'secure-json-parse'
import type { z } from 'zod'
import { checkEvent } from '../capillary/checkEvent'
import { integrationNameProblem } from '../model/integrationNameProblem'
import { issuePath } from '../model/spelledPath'
import { eventNameKey } from '../model/event'
import { extraTargets } from '../model/mapping'
import { slugProblem } from '../model/slug'
import { type Bundle, Bundle as BundleSchema, bundleFormatId, bundleFormatVersion } from './bundleFormat'
import { structureProblem } from './bundleStructure'
import { eventHash } from './canonicalBundle'
import { jsonSyntaxProblem } from './jsonSyntaxProblem'
import { jsonTextProblems } from './jsonTextProblems'
import { mergeConflictMarkerLine, mergeConflictProblem } from './mergeConflictMarkers'
import { placeProblems } from './placeProblems'
import { unknownKeyProblems } from './unknownKeyProblems'

/** The most a bundle file may weigh: beyond, it is refused before it is read. */
export const bundleMaxBytes = 50 * 1024 * 1024

/**
 * Why a file is not a bundle this studio can take. `unreadable`: not JSON, not our format, a newer version (CLI exit
 * 2); `invalid`: our format, but breaking its rules (CLI exit 1). Problems name the place and its line:
 * `mappings[2].event (line 40)`.
 */
export type BundleRead =
  | {
      ok: true
      bundle: Bundle
      /** Hand edits, and drafts that break Capillary's rules (`ruleBreaks`, also here): an import takes them. */
      warnings: string[]
      ruleBreaks: string[]
    }
  | { ok: false; kind: 'unreadable' | 'invalid'; problems: string[] }

const unreadable = (problem: string): BundleRead => ({ ok: false, kind: 'unreadable', problems: [problem] })

/** Reads a bundle file's text safely: size and depth limits, prototype keys refused, every rule checked. */
export function readBundle(text: string): BundleRead {
  if (text.length > bundleMaxBytes) {
    return unreadable(`The file is over ${bundleMaxBytes / 1024 / 1024} MB: it is not a bundle this studio takes.`)
  }
  // Markers are looked for only in a file found wrong: its two sides unbalance brackets, or break the JSON.
  const conflicted = (problem: string) => {
    const line = mergeConflictMarkerLine(text.length, (index) => text.charCodeAt(index))
    return unreadable(line === undefined ? problem : mergeConflictProblem(line))
  }
  const structure = structureProblem(text.length, (index) => text.charCodeAt(index))
  if (structure !== undefined) return conflicted(structure)
  let json: unknown
  try {
    json = secureJson.parse(text, null, { protoAction: 'error', constructorAction: 'error' })
  } catch (error) {
    const message = (error as Error).message
    return /prototype/i.test(message)
      ? unreadable(
          'The file holds a "__proto__" key, or a "constructor" with a "prototype": refused, as no bundle has one.'
        )
      : conflicted(jsonSyntaxProblem(message, text))
  }
  if (json === null || typeof json !== 'object' || (json as { format?: unknown }).format !== bundleFormatId) {
    return unreadable(`The file is not a Capillary Mapping Studio bundle (no "format": "${bundleFormatId}").`)
  }
  const version = (json as { version?: unknown }).version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return unreadable('The bundle has no version number.')
  }
  if (version > bundleFormatVersion) {
    return unreadable(
      `The bundle is of format version ${version}; this studio reads up to ${bundleFormatVersion}. Update the studio.`
    )
  }
  const textProblems = jsonTextProblems(text)
  if (textProblems.length > 0) return { ok: false, kind: 'invalid', problems: textProblems }
  const migrated = migrate(json, version)
  const invalid = (problems: string[]): BundleRead => ({
    ok: false,
    kind: 'invalid',
    problems: placeProblems(text, problems)
  })
  const parsed = BundleSchema.safeParse(migrated)
  if (!parsed.success) return invalid(parsed.error.issues.map(describeIssue))
  const unknownKeys = unknownKeyProblems(migrated, parsed.data)
  if (unknownKeys.length > 0) return invalid(unknownKeys)
  const problems = crossReferenceProblems(parsed.data)
  if (problems.length > 0) return invalid(problems)
  const ruleBreaks = placeProblems(text, designWarnings(parsed.data))
  return { ok: true, bundle: parsed.data, warnings: [...provenanceWarnings(parsed.data), ...ruleBreaks], ruleBreaks }
}

/** Older format versions are brought up to date here, one step at a time (version 1 is the first). */
function migrate(json: object, _version: number): unknown {
  return json
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issuePath(issue.path) || '(the bundle)'}: ${issue.message}`
}

/** Names that must be unique, and references that must name something in the bundle. */
function crossReferenceProblems(bundle: Bundle): string[] {
  const problems: string[] = []
  const events = new Map(bundle.events.map((event) => [event.name, event]))
  const slugs = new Set(bundle.integrations.map((integration) => integration.slug))
  /** `same` gives what two items share when they may not both be there (a project compares event names so). */
  const repeated = <T>(items: readonly T[], shown: (item: T) => string, where: string, what: string, same = shown) => {
    const exact = new Set<string>()
    const alike = new Map<string, string>()
    items.forEach((item, index) => {
      const earlier = alike.get(same(item))
      if (exact.has(shown(item))) problems.push(`${where}[${index}]: a second ${what} ${shown(item)}.`)
      else if (earlier !== undefined) {
        problems.push(
          `${where}[${index}]: a second ${what} ${shown(item)} (a project takes names that differ only in case as one: ${earlier}).`
        )
      }
      exact.add(shown(item))
      if (earlier === undefined) alike.set(same(item), shown(item))
    })
  }
  repeated(
    bundle.events,
    (event) => event.name,
    'events',
    'event named',
    (event) => eventNameKey(event.name)
  )
  repeated(bundle.integrations, (integration) => integration.slug, 'integrations', 'integration with the slug')
  // The integration editor's own rules (IntegrationService): a bundle makes nothing the studio would refuse to save.
  bundle.integrations.forEach((integration, index) => {
    const slug = slugProblem(integration.slug, [])
    if (slug) problems.push(`integrations[${index}].slug: ${slug}`)
    const earlierNames = bundle.integrations.slice(0, index).map((earlier) => earlier.name)
    const name = integrationNameProblem(integration.name, earlierNames)
    if (name) problems.push(`integrations[${index}].name: ${name.message}`)
  })
  repeated(bundle.mappings, (mapping) => `${mapping.integration} → ${mapping.event}`, 'mappings', 'mapping')
  bundle.mappings.forEach((mapping, index) => {
    // As the mapping editor (MappingService) and the engine take it: one rule per attribute.
    const seenTargets = new Set<string>()
    mapping.spec.rules.forEach((rule, ruleIndex) => {
      if (seenTargets.has(rule.target))
        problems.push(
          `mappings[${index}].spec.rules[${ruleIndex}].target: ${rule.target} has two rules: keep one rule per attribute.`
        )
      seenTargets.add(rule.target)
    })
    if (!slugs.has(mapping.integration))
      problems.push(`mappings[${index}].integration: no integration ${mapping.integration} in the bundle.`)
    const event = events.get(mapping.event)
    if (!event) return problems.push(`mappings[${index}].event: no event ${mapping.event} in the bundle.`)
    const targets = new Set<string>([...event.attributes.map((attribute) => attribute.name), ...extraTargets])
    mapping.spec.rules.forEach((rule, ruleIndex) => {
      if (!targets.has(rule.target))
        problems.push(
          `mappings[${index}].spec.rules[${ruleIndex}].target: ${mapping.event} has no attribute ${rule.target}.`
        )
    })
  })
  const mapped = new Set(bundle.mappings.map((mapping) => `${mapping.integration}\u0000${mapping.event}`))
  // Test cases are told apart by name within their mapping, ignoring case and outer spaces, as TestCaseService does.
  const testCaseNames = new Map<string, string>()
  bundle.testCases.forEach((testCase, index) => {
    const ofMapping = `${testCase.integration}\u0000${testCase.event}`
    if (!mapped.has(ofMapping))
      problems.push(`testCases[${index}]: no mapping of ${testCase.integration} onto ${testCase.event} in the bundle.`)
    const nameKey = `${ofMapping}\u0000${testCase.name.trim().toLowerCase()}`
    const namesake = testCaseNames.get(nameKey)
    if (namesake !== undefined)
      problems.push(
        `testCases[${index}].name: ${testCase.integration} → ${testCase.event} already has a test case named ${namesake}: give this one another name.`
      )
    else testCaseNames.set(nameKey, testCase.name)
  })
  return problems
}

/**
 * Capillary's design rules, as the event designer shows them: a draft may break them (the designer saves it all the
 * same, and publishing refuses it), so on import they are warnings, each at its place.
 */
function designWarnings(bundle: Bundle): string[] {
  const names = bundle.events.map((event) => event.name)
  return bundle.events.flatMap((event, index) =>
    checkEvent(event, {
      otherEventNames: names.filter((name, other) => other !== index && name === event.name),
      customEventCountInOrg: 0,
      stage: 'design'
    })
      .filter((issue) => issue.severity === 'error')
      .map(
        (issue) =>
          `events[${index}]${issue.path ? `.${issue.path.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}` : ''}: ${issue.message}`
      )
  )
}

/** Events whose hash no longer matches: edited by hand since export, which is allowed and said. */
function provenanceWarnings(bundle: Bundle): string[] {
  return bundle.events.flatMap((event) => {
    // Own hashes only: an event named `constructor` or `toString` must not find Object.prototype's.
    const hashes = bundle.provenance.eventHashes
    const recorded = Object.hasOwn(hashes, event.name) ? hashes[event.name] : undefined
    if (recorded === undefined) return [`${event.name} was added by hand (the bundle has no hash for it).`]
    return recorded === eventHash(event) ? [] : [`${event.name} was edited by hand since it was exported.`]
  })
}
