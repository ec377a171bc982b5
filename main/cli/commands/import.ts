import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { MergeChoice, type MergeChoices, type MergeItem } from '../../../shared/api/bundles'
import type { Bundle } from '../../../shared/bundle/bundleFormat'
import { applyMerge, planMerge } from '../../bundles/mergeBundle'
import { seedFromBundle } from '../../bundles/projectBundle'
import { createStudio, type Studio } from '../../services/createStudio'
import type { CliCommand, CliContext } from '../CliCommand'
import { readBundleFile } from '../readBundleFile'
import { resolveProjectFile } from '../resolveProjectFile'
import { UsageError } from '../usage'

const conflictModes = ['fail', ...MergeChoice.options] as const
type ConflictMode = (typeof conflictModes)[number]

/**
 * `capmap import <bundle> --project <file> [--new] [--on-conflict ...]`: a new project made from a bundle, or the
 * bundle merged into an existing project. Either is all of it or nothing; by default a conflict writes nothing.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: `  import <bundle.capmap.json> --project <file> [--new] [--on-conflict fail|keep-mine|take-theirs|keep-both]
                             Make a new project from a bundle (--new), or merge it into the project: a conflict
                             fails (exit 1, nothing written) unless --on-conflict says what to do`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { project: { type: 'string' }, new: { type: 'boolean' }, 'on-conflict': { type: 'string' } }
    })
    const [file, ...extra] = positionals
    if (!file || extra.length > 0) throw new UsageError('capmap import takes one bundle file')
    if (!values.project) throw new UsageError('capmap import needs the project: --project <file>')
    const mode = values['on-conflict'] ?? 'fail'
    if (!isConflictMode(mode)) throw new UsageError(`--on-conflict takes one of ${conflictModes.join(', ')}`)
    if (values.new && values['on-conflict']) throw new UsageError('--on-conflict is for a merge, not with --new')
    const read = readBundleFile(file, context)
    if ('exitCode' in read) return read.exitCode
    const studio = createStudio({
      configDir: context.configDir,
      mode: 'cli',
      version: context.version,
      logger: context.logger
    })
    try {
      return values.new
        ? importAsNew(studio, read.bundle, file, values.project, context)
        : merge(studio, read.bundle, file, values.project, mode, context)
    } finally {
      studio.session.close()
    }
  }
}

const isConflictMode = (mode: string): mode is ConflictMode => (conflictModes as readonly string[]).includes(mode)

function importAsNew(studio: Studio, bundle: Bundle, file: string, project: string, context: CliContext): number {
  const path = resolve(/\.capmap$/i.test(project) ? project : `${project}.capmap`)
  if (existsSync(path)) {
    context.printError(`capmap: ${path} already exists: import into a new file, or merge into it without --new`)
    return 1
  }
  studio.session.create(path, (opened) =>
    seedFromBundle(opened, bundle, studio.clock.now().toISOString(), studio.clock.newId)
  )
  context.print(`Created ${path} from ${file} (${bundle.events.length} events, ${bundle.testCases.length} test cases)`)
  return 0
}

function merge(
  studio: Studio,
  bundle: Bundle,
  file: string,
  project: string,
  mode: ConflictMode,
  context: CliContext
): number {
  studio.session.open(resolveProjectFile(project, ': make one from the bundle with --new'))
  const opened = studio.session.require({ forWriting: true })
  const plan = planMerge(opened, bundle)
  const conflicts = [...plan.events, ...plan.integrations].filter((item) => item.state === 'conflict')
  if (mode === 'fail' && conflicts.length > 0) {
    context.printError(`capmap: ${file} conflicts with ${opened.path}; nothing was written:`)
    for (const [what, items] of [
      ['event', plan.events],
      ['integration', plan.integrations]
    ] as const) {
      for (const item of items.filter((entry) => entry.state === 'conflict')) {
        context.printError(`  ${what} ${item.key}: ${describeChanges(item)}`)
      }
    }
    context.printError('Choose with --on-conflict keep-mine, take-theirs or keep-both.')
    return 1
  }
  const everywhere = (items: readonly MergeItem[]) =>
    Object.fromEntries(items.map((item) => [item.key, mode === 'fail' ? 'keep-mine' : mode]))
  const choices: MergeChoices = { events: everywhere(plan.events), integrations: everywhere(plan.integrations) }
  const result = applyMerge(opened, bundle, choices, studio.clock.now().toISOString(), studio.clock.newId)
  const { events, integrations } = result
  context.print(
    `Merged ${file} into ${opened.path}: events ${events.added} added, ${events.replaced} replaced, ` +
      `${events.copied} kept both, ${events.kept} unchanged; integrations ${integrations.added} added, ` +
      `${integrations.replaced} replaced, ${integrations.copied} kept both, ${integrations.kept} unchanged; ` +
      `${result.mappings} mappings and ${result.testCases} test cases written`
  )
  return 0
}

function describeChanges(item: MergeItem): string {
  const paths = item.changes.map((change) => `${change.kind} ${change.path}`)
  return paths.length > 5 ? `${paths.slice(0, 5).join('; ')}; and ${paths.length - 5} more` : paths.join('; ')
}
