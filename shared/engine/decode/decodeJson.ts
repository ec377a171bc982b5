import { isInteger, isSafeNumber, parse } from 'lossless-json'
import { type EngineDiagnostic, jsonPointer } from '../diagnostics'
import { maxJsonDepth, nestsDeeperThan } from './jsonNesting'
import { setOwn } from './setOwn'
import { lineAndColumn } from './textDecoding'

export type JsonDecoding = { ok: true; value: unknown; diagnostics: EngineDiagnostic[] } | { ok: false; error: string }

/**
 * Parses JSON text so that no number loses a digit: numbers a double holds exactly become numbers; integers beyond
 * 2^53 and longer decimals stay exact strings, each with a diagnostic (Capillary ids and phone numbers are often such
 * integers). Duplicate keys are refused unless their values are equal: such a payload is ambiguous. So is JSON nested
 * deeper than `maxJsonDepth`.
 */
export function decodeJson(text: string): JsonDecoding {
  if (nestsDeeperThan(text)) {
    return {
      ok: false,
      error: `Invalid JSON: it nests deeper than ${maxJsonDepth.toLocaleString('en')} levels, too deep to be read`
    }
  }
  let unsafe = false
  let value: unknown
  try {
    value = parse(text, null, (digits) => {
      if (isSafeNumber(digits)) return Number(digits)
      unsafe = true
      const placeholder: ExactNumber = { exact: digits }
      exactNumbers.add(placeholder)
      return placeholder
    })
  } catch (error) {
    return { ok: false, error: describeJsonError(text, error) }
  }
  const diagnostics: EngineDiagnostic[] = []
  if (unsafe) value = keepExact(value, [], diagnostics)
  return { ok: true, value, diagnostics }
}

interface ExactNumber {
  exact: string
}

// Marks the placeholders the parser made, so that a payload's own `{"exact": ...}` objects are left alone.
const exactNumbers = new WeakSet<object>()

// Walks only when the parser met an unsafe number, so ordinary payloads pay nothing.
function keepExact(value: unknown, path: (string | number)[], diagnostics: EngineDiagnostic[]): unknown {
  if (value === null || typeof value !== 'object') return value
  if (exactNumbers.has(value)) {
    const digits = (value as ExactNumber).exact
    const integer = isInteger(digits)
    diagnostics.push({
      severity: 'warning',
      code: integer ? 'big_integer' : 'imprecise_number',
      message: integer
        ? `The integer ${digits} is beyond 2^53, so it is kept as the exact string "${digits}" rather than rounded.`
        : `The number ${digits} has more digits than a double holds, so it is kept as the exact string "${digits}".`,
      inputPointer: jsonPointer(path)
    })
    return digits
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++)
      value[index] = keepExact(value[index], [...path, index], diagnostics)
    return value
  }
  const record = value as Record<string, unknown>
  for (const key of Object.keys(record)) setOwn(record, key, keepExact(record[key], [...path, key], diagnostics))
  return value
}

/**
 * Why the text is not JSON, as a clause with no full stop at its end: every caller ends its own sentence with it
 * ("Not readable as json: …. Shown as received.", "The body could not be read: …").
 */
function describeJsonError(text: string, error: unknown): string {
  // The parser descends one call per level: a hostile payload thousands of levels deep runs out of stack.
  if (error instanceof RangeError) return 'Invalid JSON: it nests too deeply to be read (thousands of levels)'
  const message = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '')
  const position = /at position (\d+)/.exec(message)
  if (position?.[1] === undefined) return `Invalid JSON: ${message}`
  const { line, column } = lineAndColumn(text, Number(position[1]))
  return `Invalid JSON at line ${line}, column ${column}: ${message.replace(/ at position \d+$/, '')}`
}
