import type { BundleMergeResult, MergeChoice, MergeChoices, MergeItem, MergePlan } from '../../shared/api/bundles'
import type { Bundle, BundleEvent, BundleMapping, BundleTestCase } from '../../shared/bundle/bundleFormat'
import { eventHash } from '../../shared/bundle/canonicalBundle'
import type { BundleContent } from '../../shared/bundle/canonicalBundle'
import { diffBundles, type BundleChange } from '../../shared/bundle/diffBundles'
import { publishedEventChangeProblem } from '../../shared/capillary/publishedEventChange'
import { integrationNameProblem } from '../../shared/model/integrationNameProblem'
import { maxEventNameLength } from '../../shared/model/event'
import { maxIntegrationNameLength } from '../../shared/model/integration'
import { extraTargets } from '../../shared/model/mapping'
import { maxSlugLength } from '../../shared/model/slug'
import { firstFreeName } from '../../shared/model/withSuffixWithin'
import { StudioError } from '../errors/StudioError'
import type { OpenedProject } from '../services/ProjectSession'
import { projectBundleContent } from './projectBundle'
import { inWriteTransaction } from '../store/database'

const empty: BundleContent = { events: [], integrations: [], mappings: [], testCases: [] }
const lower = (text: string) => text.toLowerCase()

/** One event's share of a content: the event, its mappings and their test cases (from the given integrations). */
function eventShare(content: BundleContent, name: string, slugs: ReadonlySet<string>): BundleContent {
  const ofEvent = <T extends { event: string; integration: string }>(item: T) =>
    lower(item.event) === lower(name) && slugs.has(item.integration)
  return {
    ...empty,
    events: content.events.filter((event) => lower(event.name) === lower(name)),
    mappings: content.mappings.filter(ofEvent),
    testCases: content.testCases.filter(ofEvent)
  }
}

function item(key: string, mine: unknown, changes: MergeItem['changes']): MergeItem {
  return { key, state: mine === undefined ? 'new' : changes.length === 0 ? 'identical' : 'conflict', changes }
}

/**
 * The merge preview: each event of the bundle (by name; with its mappings and test cases) and each integration (by
 * slug) against the open project: new, identical, or in conflict with what differs. Nothing is written.
 */
export function planMerge(project: OpenedProject, bundle: Bundle): MergePlan {
  const mine = projectBundleContent(project)
  // Only the bundle's integrations count: mappings from my other integrations are not in question.
  const slugs = new Set(bundle.integrations.map((integration) => integration.slug))
  return {
    events: bundle.events.map((event) => {
      const own = mine.events.find((candidate) => lower(candidate.name) === lower(event.name))
      const changes = own ? diffBundles(eventShare(mine, own.name, slugs), eventShare(bundle, event.name, slugs)) : []
      const planned = item(event.name, own, changes)
      const side = own && planned.state === 'conflict' ? changedOnlyIn(bundle, own, event, changes) : undefined
      return side ? { ...planned, changedOnlyIn: side } : planned
    }),
    integrations: bundle.integrations.map((integration) => {
      const own = mine.integrations.find((candidate) => candidate.slug === integration.slug)
      const changes = own
        ? diffBundles({ ...empty, integrations: [own] }, { ...empty, integrations: [integration] })
        : []
      return item(integration.slug, own, changes)
    })
  }
}

/**
 * Which side alone changed an event since the bundle was exported: the provenance keeps the event's hash as it was
 * written, the common ancestor of mine and theirs. Told only for the event's own design (the hash covers nothing
 * else), and only when the other side still matches the ancestor.
 */
function changedOnlyIn(
  bundle: Bundle,
  mine: BundleEvent,
  theirs: BundleEvent,
  changes: readonly BundleChange[]
): MergeItem['changedOnlyIn'] {
  const hashes = bundle.provenance.eventHashes
  if (!Object.hasOwn(hashes, theirs.name)) return undefined
  if (!changes.every((change) => change.what === 'event' || change.what === 'attribute')) return undefined
  const exported = hashes[theirs.name]
  const [mineAsExported, theirsAsExported] = [eventHash(mine) === exported, eventHash(theirs) === exported]
  if (mineAsExported && !theirsAsExported) return 'bundle'
  if (theirsAsExported && !mineAsExported) return 'project'
  return undefined
}

/** How one item is merged: its plan state with the user's choice applied. */
type Outcome = 'new' | 'identical' | MergeChoice

function outcomes(items: readonly MergeItem[], choices: Record<string, MergeChoice>, what: string) {
  // Own choices only: an event named `constructor` or `toString` must not find Object.prototype's as its choice.
  const chosen = new Map(Object.entries(choices))
  const missing = items.filter((entry) => entry.state === 'conflict' && chosen.get(entry.key) === undefined)
  if (missing.length > 0) {
    throw new StudioError(
      'invalid_input',
      `Choose what to do with the ${what} in conflict: ${missing.map((entry) => entry.key).join(', ')}.`
    )
  }
  return new Map<string, Outcome>(
    items.map((entry) => [entry.key, entry.state === 'conflict' ? (chosen.get(entry.key) as MergeChoice) : entry.state])
  )
}

/** The first free `<base><separator>N` (N from 2), against names already taken (compared without case). */
function freeName(base: string, separator: string, taken: Set<string>, maxLength: number): string {
  const name = firstFreeName(
    base,
    (n) => `${separator}${n}`,
    maxLength,
    (candidate) => taken.has(lower(candidate))
  )
  taken.add(lower(name))
  return name
}

/**
 * The name itself when no other integration has it, else `<name> (2)`, `(3)`…: lists show integrations by name
 * alone, so a merge never leaves two with the same one.
 */
function ownName(name: string, others: readonly { name: string }[]): string {
  const names = others.map((other) => other.name)
  if (!integrationNameProblem(name, names)) return name
  return firstFreeName(
    name,
    (n) => ` (${n})`,
    maxIntegrationNameLength,
    (candidate) => Boolean(integrationNameProblem(candidate, names))
  )
}

/**
 * Merges a bundle into the open project in one transaction: all of it or nothing. Per conflict: keep mine, take
 * theirs (replaced whole), or keep both (theirs under `<name>_2` / `<slug>-2`, their mappings and test cases
 * retargeted). Mappings and test cases follow their event's choice, or a new copy of their integration. Every event
 * touched goes back to Draft: its tests must run again.
 */
export function applyMerge(
  project: OpenedProject,
  bundle: Bundle,
  choices: MergeChoices,
  now: string,
  newId: () => string
): BundleMergeResult {
  const plan = planMerge(project, bundle)
  const eventOutcome = outcomes(plan.events, choices.events, 'events')
  const integrationOutcome = outcomes(plan.integrations, choices.integrations, 'integrations')
  const result: BundleMergeResult = {
    events: { added: 0, replaced: 0, copied: 0, kept: 0 },
    integrations: { added: 0, replaced: 0, copied: 0, kept: 0 },
    mappings: 0,
    testCases: 0
  }
  const count = (tally: BundleMergeResult['events'], outcome: Outcome) => {
    if (outcome === 'new') tally.added += 1
    else if (outcome === 'take-theirs') tally.replaced += 1
    else if (outcome === 'keep-both') tally.copied += 1
    else tally.kept += 1
  }

  inWriteTransaction(project.db, () => {
    const eventNames = new Set(project.events.list().map((event) => lower(event.name)))
    const eventIds = new Map<string, string>()
    for (const event of bundle.events) {
      const outcome = eventOutcome.get(event.name) ?? 'identical'
      count(result.events, outcome)
      const own = project.events.findByName(event.name)
      if (!own || outcome === 'keep-both') {
        const draft =
          outcome === 'keep-both'
            ? { ...event, name: freeName(event.name, '_', eventNames, maxEventNameLength) }
            : event
        eventIds.set(event.name, project.events.insert({ id: newId(), draft, now, newAttributeId: newId }).id)
        continue
      }
      if (outcome === 'take-theirs') {
        // An attribute of mine the bundle has too (by name) stays the same attribute: a published event's
        // attributes put in another order are not removed and added again.
        const attributes = event.attributes.map((attribute) => {
          const mine = own.attributes.find((candidate) => candidate.name === attribute.name)
          return mine ? { ...attribute, id: mine.id } : attribute
        })
        const draft = { ...event, name: own.name, attributes }
        const locked = publishedEventChangeProblem(own, draft)
        if (locked) throw new StudioError('conflict', locked)
        project.events.update({ id: own.id, draft, now, newAttributeId: newId })
      }
      eventIds.set(event.name, own.id)
    }

    const slugs = new Set(project.integrations.list().map((integration) => lower(integration.slug)))
    const integrationIds = new Map<string, string>()
    for (const integration of bundle.integrations) {
      const outcome = integrationOutcome.get(integration.slug) ?? 'identical'
      count(result.integrations, outcome)
      const own = project.integrations.list().find((candidate) => candidate.slug === integration.slug)
      if (!own || outcome === 'keep-both') {
        const draft = {
          ...integration,
          slug: outcome === 'keep-both' ? freeName(integration.slug, '-', slugs, maxSlugLength) : integration.slug,
          name: ownName(integration.name, project.integrations.list())
        }
        integrationIds.set(integration.slug, project.integrations.insert(newId(), draft, now).id)
        continue
      }
      if (outcome === 'take-theirs') {
        const others = project.integrations.list().filter((candidate) => candidate.id !== own.id)
        project.integrations.update(own.id, { ...integration, name: ownName(integration.name, others) }, now)
        // Its event-name map decides which payloads its mappings take: what was tested must run again.
        for (const mapping of project.mappings.list()) {
          if (mapping.integrationId === own.id) project.events.markDraft(mapping.eventId, now)
        }
      }
      integrationIds.set(integration.slug, own.id)
    }

    // Theirs replaces my event whole: my mappings onto it from the bundle's integrations that theirs has not go too.
    for (const event of bundle.events.filter((candidate) => eventOutcome.get(candidate.name) === 'take-theirs')) {
      const eventId = eventIds.get(event.name)
      for (const [slug, integrationId] of integrationIds) {
        if (bundle.mappings.some((mapping) => mapping.integration === slug && mapping.event === event.name)) continue
        const own = eventId === undefined ? undefined : project.mappings.find(integrationId, eventId)
        if (own) project.mappings.delete(own.id)
      }
    }

    const taken = (mapping: BundleMapping) => {
      const event = eventOutcome.get(mapping.event) ?? 'identical'
      const integration = integrationOutcome.get(mapping.integration) ?? 'identical'
      if (event === 'keep-mine') return integration === 'new' || integration === 'keep-both'
      return event !== 'identical' || integration !== 'identical'
    }
    for (const mapping of bundle.mappings.filter(taken)) {
      const [integrationId, eventId] = [integrationIds.get(mapping.integration), eventIds.get(mapping.event)]
      if (!integrationId || !eventId) throw new Error(`mapping ${mapping.integration} → ${mapping.event} lost its ends`)
      // Their mapping onto my event (kept, onto a new copy of the integration) must set only attributes it has.
      const attributes = new Set<string>([
        ...(project.events.get(eventId)?.attributes.map((attribute) => attribute.name) ?? []),
        ...extraTargets
      ])
      const unknown = mapping.spec.rules.filter((rule) => !attributes.has(rule.target)).map((rule) => rule.target)
      if (unknown.length > 0) {
        throw new StudioError(
          'conflict',
          `Their mapping ${mapping.integration} → ${mapping.event} sets ${unknown.join(', ')}, which my ${mapping.event} does not have: take theirs or keep both for ${mapping.event}.`
        )
      }
      const saved = project.mappings.save(newId(), integrationId, eventId, mapping.spec, now)
      project.events.markDraft(eventId, now)
      result.mappings += 1
      const theirs = bundle.testCases.filter(
        (testCase: BundleTestCase) => testCase.integration === mapping.integration && testCase.event === mapping.event
      )
      // Their mapping comes with its test cases, replacing mine whole: one deleted in the bundle goes, and one named
      // alike (case aside, as TestCaseService tells names apart) is theirs. A mapping taken where mine is kept (onto
      // a new copy of the integration) has none of mine.
      for (const own of project.testCases.listForMappings([saved.id])) project.testCases.delete(own.id)
      for (const { integration: _integration, event: _event, ...testCase } of theirs) {
        project.testCases.insert(newId(), { mappingId: saved.id, ...testCase }, now)
        result.testCases += 1
      }
    }
  })
  return result
}
