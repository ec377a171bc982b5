import { readFileSync } from 'node:fs'
import { join } from 'node:path'

interface SampleEntry {
  name?: string
  fromLibrary?: string
  attributes?: { name: string }[]
}

/**
 * The sample project's events as its readable source (`resources/sample-project.json`) names them: a custom event by
 * its name, with its attribute names; a library event by its library name. Sorted as the studio lists events.
 */
export function sampleEvents(): { name: string; attributeNames?: string[] }[] {
  const source = JSON.parse(readFileSync(join(__dirname, '../../../resources/sample-project.json'), 'utf8')) as {
    events: SampleEntry[]
  }
  return source.events
    .map((entry) => ({
      name: entry.name ?? entry.fromLibrary ?? '',
      ...(entry.attributes ? { attributeNames: entry.attributes.map((attribute) => attribute.name) } : {})
    }))
    .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()))
}
