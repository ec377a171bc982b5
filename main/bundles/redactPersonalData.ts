import { isDeepStrictEqual } from 'node:util'
import type { BundleContent } from '../../shared/bundle/canonicalBundle'
import { scanBundle, type Finding } from '../../shared/bundle/scanBundle'
import { compileMapping } from '../../shared/engine/compileMapping'
import type { ExpressionEvaluator } from '../../shared/engine/expressions/expressionEvaluator'
import { bundleMapping } from './bundleMapping'
import { mainEngineOptions } from '../engine/compileProjectMapping'

/** Stand-ins of the same shape, numbered so that different values stay different (a test may rely on it). */
function placeholder(kind: string, original: string, serial: number): string {
  if (kind === 'email address') return `redacted.${serial}@example.invalid`
  const digits = original.replace(/\D/g, '').length
  if (kind === 'card number') return 'XXXX-XXXX-XXXX-XXXX'
  // Phone numbers keep their length and layout, so identifier rules read them as they read the real ones.
  const stand = `91${String(serial).padStart(Math.max(digits - 2, 1), '0')}`
  let next = 0
  return original.replace(/\d/g, () => stand[next++] ?? '0')
}

/** Splits a finding's path (`testCases[0].payload.customer.mobile`) into its steps. */
function steps(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((step) => (/^\d+$/.test(step) ? Number(step) : step))
}

function replaceAt(root: unknown, path: readonly (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>
  const last = path.at(-1) as string | number
  node[last] = typeof node[last] === 'number' ? Number(value) || value : value
}

/**
 * The content with the personal data of its test-case payloads replaced by stand-ins of the same shape, and each
 * changed test case's expected outputs made again through the engine, so a test that passed still passes. A test
 * that failed keeps failing: its expected outputs only lose the replaced values where they appear as they were.
 */
export async function redactPersonalData(
  content: BundleContent,
  evaluator: ExpressionEvaluator
): Promise<{ content: BundleContent; redacted: Finding[]; standIns: ReadonlySet<string> }> {
  const redacted = scanBundle(content).personalData.filter((finding) =>
    /^testCases\[\d+\]\.payload\b/.test(finding.path)
  )
  const standIns = new Set<string>()
  if (redacted.length === 0) return { content, redacted, standIns }
  const copy = JSON.parse(JSON.stringify(content)) as BundleContent
  const replaced = new Map<number, Map<string, string>>()
  redacted.forEach((finding, serial) => {
    const path = steps(finding.path)
    const testIndex = path[1] as number
    const before = path
      .slice(2)
      .reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], copy.testCases[testIndex])
    const after = placeholder(finding.kind, String(before), serial + 1)
    standIns.add(after)
    replaceAt(copy.testCases[testIndex], path.slice(2), after)
    replaced.set(testIndex, (replaced.get(testIndex) ?? new Map()).set(String(before), after))
  })
  for (const [index, values] of replaced) {
    const testCase = copy.testCases[index]
    const original = content.testCases[index]
    if (!testCase || !original) continue
    const chosen = bundleMapping(copy, { event: testCase.event, integration: testCase.integration })
    if (!chosen.ok) continue
    const compiled = compileMapping(chosen.spec, chosen.event, mainEngineOptions(evaluator, { provenance: false }))
    const outputsOf = async (payload: unknown) =>
      JSON.parse(JSON.stringify((await compiled(payload)).outputs.map((output) => output.payload))) as unknown[]
    const passed = isDeepStrictEqual(await outputsOf(original.payload), JSON.parse(JSON.stringify(original.expected)))
    testCase.expected = passed
      ? ((await outputsOf(testCase.payload)) as typeof testCase.expected)
      : (JSON.parse(
          JSON.stringify(testCase.expected, (_key, value: unknown) =>
            typeof value === 'string' && values.has(value) ? values.get(value) : value
          )
        ) as typeof testCase.expected)
  }
  return { content: copy, redacted, standIns }
}

/**
 * What a scan of redacted content still finds, but for the stand-ins the redaction put there (in payloads, and in
 * the expected outputs made from them): a stand-in phone number is shaped like one on purpose.
 */
export function personalDataLeft(
  content: BundleContent,
  findings: readonly Finding[],
  standIns: ReadonlySet<string>
): Finding[] {
  return findings.filter((finding) => {
    const value = steps(finding.path).reduce<unknown>(
      (node, step) => (node === null || typeof node !== 'object' ? undefined : (node as Record<string, unknown>)[step]),
      content
    )
    return !standIns.has(String(value))
  })
}
