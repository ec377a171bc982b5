import { RE2JS } from 're2js'

/** An attribute's regex as the studio runs it on values: in linear time, or not at all. */
export type AttributeRegex =
  | { kind: 'none' }
  | { kind: 'checked'; matches(text: string): boolean }
  /** JavaScript reads it, RE2 cannot (lookaround, backreferences): values are left to Capillary. */
  | { kind: 'unchecked' }
  /** It does not compile at all: the designer's issue, not every payload's. */
  | { kind: 'invalid'; reason: string }

/**
 * Compiles an attribute's regex for checking values. Values come from third-party payloads and the regex from a
 * designer, so a pattern such as `^(a|a)+$` must never hold the studio (the listener and the relay run in the same
 * process): RE2 (re2js) matches in time linear in the value, and takes every pattern without lookaround or
 * backreferences, which covers the regexes attributes are given in practice.
 */
export function compileAttributeRegex(source: string | undefined): AttributeRegex {
  if (source === undefined || source === '') return { kind: 'none' }
  try {
    new RegExp(source)
  } catch (error) {
    return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) }
  }
  try {
    const compiled = RE2JS.compile(source)
    return { kind: 'checked', matches: (text) => compiled.matcher(text).find() }
  } catch {
    return { kind: 'unchecked' }
  }
}
