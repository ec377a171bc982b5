import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serializeBundle } from '../../../shared/bundle/canonicalBundle'
import { bundleMaxBytes } from '../../../shared/bundle/readBundle'
import { scanBundle } from '../../../shared/bundle/scanBundle'
import { figure, medianMs, type Figure } from '../figure'

/**
 * Imports of bundles, each in a process of its own. The largest file taken (~45 MB: 4,300 test cases, valid, so read,
 * checked and written into a new project) has figures of its own. The hostile set: a file just over the size limit,
 * a 100,000-deep nesting, thousands of prototype keys in a 45 MB file, a payload of 2.5 million keys, and a truncated
 * 45 MB file. `bundles.hostile_import_ms` and `_mb` are the worst of that set: wall time, and peak memory above the
 * process's own at start. `bundles.scan_long_string_ms`: the export's scan of a test case holding a 1 MB string
 * without an @ (the email check once restarted at each of its characters).
 */
export async function bundlesBench(): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'capmap-bench-bundles-'))
  try {
    const cases = hostileBundles(folder)
    const results = cases.map((path, index) =>
      importOnce(path, join(folder, `p${index}.capmap`), join(folder, 'config'))
    )
    const [largest, ...hostile] = results
    if (!largest?.imported) throw new Error('the largest valid bundle was not imported')
    if (hostile.some((result) => result.imported)) throw new Error('a hostile bundle was imported')
    return [
      figure('bundles.largest_import_ms', largest.ms, 'ms'),
      figure('bundles.largest_import_mb', largest.mb, 'MB'),
      figure('bundles.hostile_import_ms', Math.max(...hostile.map((result) => result.ms)), 'ms', 1000),
      figure('bundles.hostile_import_mb', Math.max(...hostile.map((result) => result.mb)), 'MB', 100),
      figure('bundles.scan_long_string_ms', await medianMs(() => scanBundle(longStringContent()), 5, 1), 'ms', 100)
    ]
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

function importOnce(bundle: string, project: string, configDir: string): { ms: number; mb: number; imported: boolean } {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../support/importBundleOnce.ts'), bundle, project, configDir],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 }
  )
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { ms: number; mb: number; imported: boolean }
}

function hostileBundles(folder: string): string[] {
  const write = (name: string, text: string) => {
    const path = join(folder, name)
    writeFileSync(path, text)
    return path
  }
  const largest = serializeBundle(bigContent(4_300), 'bench')
  const overLimit = `${largest.slice(0, -2)}${' '.repeat(bundleMaxBytes - largest.length + 10)}}\n`
  const prototypes = largest.replace(/"event_name": "be_reserved"/g, '"__proto__": {}, "event_name": "be_reserved"')
  const wide = serializeBundle(
    {
      ...bigContent(1),
      testCases: [
        {
          ...bigContent(1).testCases[0]!,
          payload: Object.fromEntries(Array.from({ length: 2_500_000 }, (_, index) => [`k${index}`, index]))
        }
      ]
    },
    'bench'
  )
  return [
    write('largest.capmap.json', largest),
    write('over-limit.capmap.json', overLimit),
    write('deep.capmap.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`),
    write('prototypes.capmap.json', prototypes),
    write('wide.capmap.json', wide),
    write('truncated.capmap.json', largest.slice(0, Math.floor(largest.length * 0.9)))
  ]
}

/** One test case whose payload holds a 1 MB string with no @ in it, then an email address. */
function longStringContent() {
  const content = bigContent(1)
  content.testCases[0]!.payload = { notes: `${'x'.repeat(1_000_000)} asha@example.com` }
  return content
}

/** A bundle of one event, integration and mapping, with `count` test cases of ~5 KB payloads. */
function bigContent(count: number) {
  const attributes = ['customer_id', 'hotel_name', 'room_nights'].map((name, index) => ({
    name,
    type: index === 0 ? ('customer' as const) : ('string' as const),
    description: '',
    isRequired: index === 0,
    isUniqueKeyField: false,
    isPsiData: false,
    standard: false
  }))
  const payload = (index: number) => ({
    event_name: 'be_reserved',
    customer_id: `9198450${String(index).padStart(5, '0')}`,
    hotel_name: 'Indiranagar',
    room_nights: '2',
    notes: 'x'.repeat(5_000)
  })
  return {
    events: [
      {
        name: 'be_reserved',
        label: 'Reserved',
        description: '',
        kind: 'custom' as const,
        actions: ['EIConsumer' as const],
        attributes
      }
    ],
    integrations: [
      {
        name: 'Booking',
        slug: 'booking-app',
        kind: 'custom' as const,
        sourceAccount: 'INSTORE',
        eventNameField: 'event_name',
        eventNameMap: []
      }
    ],
    mappings: [
      {
        integration: 'booking-app',
        event: 'be_reserved',
        spec: {
          match: { kind: 'integration' as const },
          fanOut: null,
          rules: attributes.map((attribute) => ({
            target: attribute.name,
            source: { kind: 'path' as const, path: attribute.name, scope: 'item' as const },
            transforms: []
          }))
        }
      }
    ],
    testCases: Array.from({ length: count }, (_, index) => ({
      integration: 'booking-app',
      event: 'be_reserved',
      name: `case ${String(index).padStart(5, '0')}`,
      source: { kind: 'edited' as const },
      payload: payload(index),
      expected: [payload(index)]
    }))
  } as Parameters<typeof serializeBundle>[0]
}
