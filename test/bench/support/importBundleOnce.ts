// One hostile bundle imported in a process of its own, as `capmap import --new` does it (read, check, seed a new
// project), printing {"ms":…, "mb":…}: wall time, and the peak memory above the process's own at start.
import { seedFromBundle } from '../../../main/bundles/projectBundle'
import { readBundleFromFile } from '../../../main/bundles/readBundleFromFile'
import { silentLogger } from '../../../main/platform/logger'
import { createStudio } from '../../../main/services/createStudio'

const [bundlePath, projectPath, configDir] = process.argv.slice(2) as [string, string, string]
const baseline = process.resourceUsage().maxRSS
const started = performance.now()
const read = readBundleFromFile(bundlePath)
if (read.ok) {
  const studio = createStudio({ configDir, mode: 'cli', version: 'bench', logger: silentLogger })
  studio.session.create(projectPath, (project) =>
    seedFromBundle(project, read.bundle, new Date().toISOString(), studio.clock.newId)
  )
  studio.session.close()
}
const ms = performance.now() - started
const mb = (process.resourceUsage().maxRSS - baseline) / 1024
process.stdout.write(`${JSON.stringify({ ms, mb, imported: read.ok })}\n`)
