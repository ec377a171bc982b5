import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import type {
  BundleChange,
  BundleMergeResult,
  BundlePreview,
  BundleScan,
  BundleSource,
  MergeChoices
} from '../../shared/api/bundles'
import type { ProjectState } from '../../shared/api/types'
import type { Bundle } from '../../shared/bundle/bundleFormat'
import { diffBundles } from '../../shared/bundle/diffBundles'
import { exportBundle } from '../../shared/bundle/exportBundle'

import { readBundle } from '../../shared/bundle/readBundle'
import { scanBundle } from '../../shared/bundle/scanBundle'
import { applyMerge, planMerge } from '../bundles/mergeBundle'
import { projectBundleContent, seedFromBundle } from '../bundles/projectBundle'
import { personalDataLeft, redactPersonalData } from '../bundles/redactPersonalData'
import { createWorkerExpressionEvaluator } from '../engine/createWorkerExpressionEvaluator'
import { StudioError } from '../errors/StudioError'
import { fullLocalPath } from '../platform/fullLocalPath'
import type { Clock } from './Clock'
import { resolveProjectPath, type ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'
import { readBundleFromFile } from '../bundles/readBundleFromFile'
import { writeBundleFile } from '../bundles/writeBundleFile'

/** A bundle read from its source, checked by the same rules as the CLI: its problems, or the bundle. */
type SourceRead = { ok: false; problems: string[] } | { ok: true; name: string; bundle: Bundle; warnings: string[] }

/**
 * Bundles in the studio: export (after a scan for what should not leave), the merge preview, import into a new
 * project or merged into the open one (one transaction), and the diff of a bundle against the open project.
 */
export class BundleService {
  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly clock: Clock,
    private readonly studioVersion: string
  ) {}

  /** What an export of these events would carry out: secrets (which block it) and personal data (a warning). */
  scanExport(eventNames: readonly string[] = []): BundleScan {
    return scanBundle(projectBundleContent(this.session.require(), eventNames))
  }

  /**
   * Writes the bundle whole (beside, then renamed over) unless it holds secrets and they are not let through, or
   * it would not import again (a `__proto__` key in a payload, say: named at its place). A bundle already at the
   * path is replaced only with `overwrite`; without it the export is refused with `file_exists`, writing nothing.
   */
  async export(
    path: string,
    eventNames: readonly string[] = [],
    { allowSecrets = false, redactPersonalData: redact = false, overwrite = false } = {}
  ) {
    let content = projectBundleContent(this.session.require(), eventNames)
    let redacted = 0
    let standIns: ReadonlySet<string> = new Set()
    if (redact) {
      const evaluator = createWorkerExpressionEvaluator()
      try {
        const result = await redactPersonalData(content, evaluator)
        content = result.content
        redacted = result.redacted.length
        standIns = result.standIns
      } finally {
        await evaluator.close()
      }
    }
    const scan = scanBundle(content)
    if (scan.secrets.length > 0 && !allowSecrets) {
      const listed = scan.secrets.map((finding) => `${finding.path} (${finding.kind})`).join(', ')
      throw new StudioError('conflict', `The bundle would carry secrets out: ${listed}. Remove them first.`)
    }
    const exported = exportBundle(content, this.studioVersion)
    if (!exported.ok) {
      throw new StudioError(
        'conflict',
        `Not exported: the studio could not import this bundle back. ${exported.problems.join(' ')}`
      )
    }
    const { text } = exported
    const absolute = fullLocalPath(path)
    writeBundleFile(absolute, text, { overwrite })
    return {
      path: absolute,
      bytes: Buffer.byteLength(text),
      personalData: personalDataLeft(content, scan.personalData, standIns),
      redacted
    }
  }

  /** The bundle's problems, or what merging it into the open project would do. Nothing is written. */
  preview(source: BundleSource): BundlePreview {
    const read = this.read(source)
    if (!read.ok) return read
    const { bundle } = read
    return {
      ok: true,
      name: read.name,
      warnings: read.warnings,
      plan: planMerge(this.session.require(), bundle),
      events: bundle.events.length,
      testCases: bundle.testCases.length
    }
  }

  /** Merges the bundle into the open project with a choice per conflict: all of it or nothing. */
  merge(source: BundleSource, choices: MergeChoices): BundleMergeResult {
    const bundle = this.require(source)
    const project = this.session.require({ forWriting: true })
    const result = applyMerge(project, bundle, choices, this.clock.now().toISOString(), this.clock.newId)
    this.bus.emit('eventsChanged', { reason: 'reloaded' })
    this.bus.emit('integrationsChanged', {})
    this.bus.emit('testCasesChanged', {})
    return result
  }

  /** A new project made from the bundle, which becomes the open one. */
  importAsNew(source: BundleSource, projectPath: string): ProjectState {
    const bundle = this.require(source)
    const absolute = resolveProjectPath(projectPath)
    if (existsSync(absolute)) throw new StudioError('conflict', `${absolute} already exists: choose another name.`)
    return this.session.create(absolute, (project) =>
      seedFromBundle(project, bundle, this.clock.now().toISOString(), this.clock.newId)
    )
  }

  /** Field-level differences from the open project (before) to the bundle (after). */
  diffWithProject(source: BundleSource): BundleChange[] {
    return diffBundles(projectBundleContent(this.session.require()), this.require(source))
  }

  private require(source: BundleSource): Bundle {
    const read = this.read(source)
    if (!read.ok)
      throw new StudioError('invalid_input', `Not a bundle this studio can import: ${read.problems.join(' ')}`)
    return read.bundle
  }

  private read(source: BundleSource): SourceRead {
    if ('text' in source) return described(source.name, readBundle(source.text))
    const path = fullLocalPath(source.path)
    return described(basename(path), readBundleFromFile(path))
  }
}

function described(name: string, read: ReturnType<typeof readBundle>): SourceRead {
  return read.ok ? { ok: true, name, bundle: read.bundle, warnings: read.warnings } : read
}
