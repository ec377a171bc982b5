import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { configure } from 'safe-stable-stringify'
import { engineVersion } from '../engine/engineVersion'
import { type Bundle, type BundleEvent, bundleFormatId, bundleFormatVersion } from './bundleFormat'

/** Keys in code-point order at every level (safe-stable-stringify), so the same content is always the same bytes. */
const stringify = configure({ deterministic: true, bigint: false, circularValue: Error })

/** What a bundle holds, before it is written: the project's content in any order. */
export type BundleContent = Pick<Bundle, 'events' | 'integrations' | 'mappings' | 'testCases'>

const byText =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) => {
    const [x, y] = [key(a), key(b)]
    return x < y ? -1 : x > y ? 1 : 0
  }

/** The hash of one event as a bundle writes it: a hand edit to the event changes it. */
export function eventHash(event: BundleEvent): string {
  return bytesToHex(sha256(utf8ToBytes(stringify(event) ?? '')))
}

/**
 * The content in the bundle's order: events by name, integrations by slug, mappings and test cases by integration,
 * event and name. Lists the user orders (attributes, rules, the event-name map) keep their order: it means something.
 * Paths reported on content (the export scan) are then the written bundle's paths.
 */
export function canonicalContent(content: BundleContent): BundleContent {
  return {
    events: [...content.events].sort(byText((event) => event.name)),
    integrations: [...content.integrations].sort(byText((integration) => integration.slug)),
    mappings: [...content.mappings].sort(byText((mapping) => `${mapping.integration}\u0000${mapping.event}`)),
    testCases: [...content.testCases].sort(
      byText((testCase) => `${testCase.integration}\u0000${testCase.event}\u0000${testCase.name}`)
    )
  }
}

/**
 * The bundle as canonical bytes: the content in canonical order, keys sorted, two-space indent, a final newline, and
 * nothing that changes on its own (no export time). Exporting twice gives identical bytes; a one-field change is a
 * one-line diff (and a changed event hash).
 */
export function serializeBundle(content: BundleContent, studioVersion: string): string {
  const ordered = canonicalContent(content)
  const bundle: Bundle = {
    format: bundleFormatId,
    version: bundleFormatVersion,
    provenance: {
      studioVersion,
      engineVersion,
      eventHashes: Object.fromEntries(ordered.events.map((event) => [event.name, eventHash(event)]))
    },
    ...ordered
  }
  return `${stringify(bundle, null, 2)}\n`
}
