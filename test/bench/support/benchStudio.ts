import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../../../main/platform/logger'
import { createStudio } from '../../../main/services/createStudio'
import type { AttributeDraft, EventDraft } from '../../../shared/model/event'

/** A studio on a temporary project holding `eventCount` custom events of `attributeCount` attributes each. */
export function benchStudio(eventCount: number, attributeCount: number) {
  const folder = mkdtempSync(join(tmpdir(), 'capmap-bench-'))
  const studio = createStudio({ configDir: folder, mode: 'cli', version: 'bench', logger: silentLogger })
  const path = join(folder, 'bench.capmap')
  studio.newProject(path, false)
  for (let e = 0; e < eventCount; e += 1) studio.events.create(benchEvent(e, attributeCount))
  return { studio, path, folder }
}

const flags = { description: '', isRequired: false, isUniqueKeyField: false, isPsiData: false, standard: false }

function benchEvent(index: number, attributeCount: number): EventDraft {
  const customer: AttributeDraft = {
    ...flags,
    name: 'customer',
    type: 'customer',
    isRequired: true,
    customer: { identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: false }
  }
  const fields = Array.from({ length: attributeCount - 1 }, (_, a): AttributeDraft => ({
    ...flags,
    name: `field_${a}`,
    type: 'enum',
    possibleValues: ['a', 'b', 'c']
  }))
  return {
    name: `bench_event_${index}`,
    label: `Bench event ${index}`,
    description: '',
    kind: 'custom',
    actions: ['EIConsumer'],
    attributes: [customer, ...fields]
  }
}
