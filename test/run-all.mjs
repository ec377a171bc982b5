// `npm test`: every check and suite, in order, then one plain total line `N passed, N failed` (CI reads that line,
// not vitest's). Typecheck, lint and the format check count as one test each. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const results = 'test-results'
mkdirSync(results, { recursive: true })
let passed = 0
let failed = 0

function run(label, command, args) {
  process.stdout.write(`\n▶ ${label}\n`)
  const started = Date.now()
  const outcome = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  process.stdout.write(`${outcome.status === 0 ? '✔' : '✘'} ${label} (${seconds} s)\n`)
  return outcome.status === 0
}

function check(label, command, args) {
  if (run(label, command, args)) passed += 1
  else failed += 1
}

/** Runs a vitest config and counts its tests from the JSON report (a suite that fails to load counts as failed). */
function vitest(label, args, reportName) {
  const report = `${results}/${reportName}.json`
  rmSync(report, { force: true })
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`
  ])
  if (!existsSync(report)) {
    failed += 1
    return
  }
  const summary = JSON.parse(readFileSync(report, 'utf8'))
  // A suite file that fails to load has no failed test of its own: count it, so a broken file is never silent.
  const brokenSuites = summary.numFailedTests === 0 && !ok ? Math.max(1, summary.numFailedTestSuites) : 0
  passed += summary.numPassedTests
  failed += summary.numFailedTests + brokenSuites
}

check('typecheck', 'npm', ['run', '-s', 'typecheck'])
check('lint', 'npm', ['run', '-s', 'lint'])
check('format check', 'npm', ['run', '-s', 'format:check'])
check('security audit (electronegativity)', 'node', ['scripts/electronegativity.mjs'])
if (!run('build', 'npm', ['run', '-s', 'build'])) failed += 1
vitest('unit, integration and ui tests', [], 'vitest')
vitest('end-to-end tests (web mode in Chromium)', ['--config', 'vitest.e2e.config.mts'], 'e2e')

console.log(`\n${passed} passed, ${failed} failed`)
process.exitCode = failed === 0 ? 0 : 1
