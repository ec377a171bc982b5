// `npm run -s bench [-- <group>]`: prints only JSON lines, one per figure. Exits 0 when every figure was measured
// (whether or not targets are met: `ok` says so), non-zero when one could not be.
import { apiBench } from './groups/api'
import { bundlesBench } from './groups/bundles'
import { engineBench } from './groups/engine'
import { listenerBench } from './groups/listener'
import { previewBench } from './groups/preview'
import { relayBench } from './groups/relay'
import { storeBench } from './groups/store'
import type { BenchGroup } from './figure'

const groups: Record<string, BenchGroup> = {
  api: apiBench,
  store: storeBench,
  listener: listenerBench,
  engine: engineBench,
  preview: previewBench,
  relay: relayBench,
  bundles: bundlesBench
}

async function main(selected: string[]): Promise<number> {
  const unknown = selected.filter((name) => !(name in groups))
  if (unknown.length > 0) {
    process.stderr.write(`unknown bench group: ${unknown.join(', ')} (groups: ${Object.keys(groups).join(', ')})\n`)
    return 2
  }
  let failures = 0
  for (const name of selected.length > 0 ? selected : Object.keys(groups)) {
    try {
      for (const line of await groups[name]!()) {
        if (!Number.isFinite(line.value)) failures += 1
        process.stdout.write(`${JSON.stringify(line)}\n`)
      }
    } catch (error) {
      failures += 1
      process.stderr.write(`bench group ${name} could not be measured: ${(error as Error).stack ?? String(error)}\n`)
    }
  }
  return failures === 0 ? 0 : 1
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
