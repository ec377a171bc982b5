/* global process, console */
// `npm run audit:electron` (and a step of `npm test`): Doyensec's Electronegativity over main/ (the app shell and the
// preload), failing on any high or critical finding. The security baseline is also proven by
// test/unit/main/app/windowOptions.test.ts, since this audit misses some cases (nodeIntegration with sandbox off).
// AvailableSecurityFixesGlobalCheck is left out: it only downloads Electron's release list, which needs the network.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const report = join(root, 'test-results', 'electronegativity.csv')
const electronVersion = require(join(root, 'node_modules/electron/package.json')).version
mkdirSync(dirname(report), { recursive: true })
rmSync(report, { force: true })

const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js')
const run = spawnSync(
  process.execPath,
  [
    cli,
    '-i',
    'main',
    '-r',
    '-o',
    report,
    '-e',
    electronVersion,
    '-v',
    'false',
    '-x',
    'AvailableSecurityFixesGlobalCheck'
  ],
  { cwd: root, encoding: 'utf8' }
)
let rows
try {
  rows = readFileSync(report, 'utf8').trim().split('\n').slice(1)
} catch {
  console.error(`✘ electronegativity wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`)
  process.exit(1)
}

// Each row: issue, "SEVERITY", "CONFIDENCE", "file", "line:column", sample, description, url
const findings = rows.map((row) => {
  const [issue, severity, , file, location] = row.split(',').map((cell) => cell.replace(/^"|"$/g, ''))
  return { issue, severity, where: `${file}:${location}` }
})
const blocking = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'CRITICAL')
for (const finding of findings) console.log(`  ${finding.severity.padEnd(8)} ${finding.issue} ${finding.where}`)
console.log(`electronegativity: ${findings.length} findings, ${blocking.length} high or critical (report: ${report})`)
process.exit(blocking.length === 0 ? 0 : 1)
