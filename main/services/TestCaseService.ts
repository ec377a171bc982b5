import type { CapillaryPayload } from '../../shared/engine/mappingResult'
import type {
  EdgeCaseResult,
  EventTestStatus,
  MappingCoverage,
  PayloadPreview,
  TestCase,
  TestCaseDraft,
  TestRunSelection
} from '../../shared/model/testCase'
import { edgeCases } from '../../shared/testing/edgeCases'
import { fieldsReadBy } from '../../shared/testing/fieldKeys'
import { compileProjectMapping, resolvedSpec } from '../engine/compileProjectMapping'
import { createWorkerExpressionEvaluator } from '../engine/createWorkerExpressionEvaluator'
import { StudioError } from '../errors/StudioError'
import { decodeCapturedBody } from '../engine/decodeCapturedBody'
import type { StoredTestCase } from '../store/TestCaseRepository'
import { eventTestStatus } from '../testCases/eventTestStatus'
import { mappingCoverage } from '../testCases/mappingCoverage'
import { runTestCase } from '../testCases/runTestCase'
import { applyTestGate, mappingParts, withCurrent } from '../testCases/testGate'
import { testFingerprint } from '../testCases/testFingerprint'
import type { Clock } from './Clock'
import type { OpenedProject, ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'
import { inWriteTransaction } from '../store/database'

/** Captures of the integration that coverage reads: the newest. */
const coverageCaptureLimit = 200

export interface TestCaseOverview {
  testCases: TestCase[]
  statuses: EventTestStatus[]
}

/**
 * Test cases and the Tested gate (issue 8). The gate is worked out here and nowhere else: after every run and every
 * change to a test case, each event concerned is set Tested or Draft by `eventTestStatus`; event and mapping edits
 * send events back to Draft on their own (their tests' fingerprints no longer match).
 */
export class TestCaseService {
  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly clock: Clock
  ) {}

  list(filter: { eventId?: string } = {}): TestCaseOverview {
    const project = this.session.require()
    const testCases = withCurrent(project, project.testCases.list())
    const events = project.events.list().filter((event) => filter.eventId === undefined || event.id === filter.eventId)
    const ofEvent = new Map(events.map((event) => [event.id, [] as TestCase[]]))
    const eventOfMapping = new Map(project.mappings.list().map((mapping) => [mapping.id, mapping.eventId]))
    const eventOf = (testCase: TestCase) => eventOfMapping.get(testCase.mappingId) ?? ''
    for (const testCase of testCases) ofEvent.get(eventOf(testCase))?.push(testCase)
    return {
      testCases: testCases.filter((testCase) => ofEvent.has(eventOf(testCase))),
      statuses: events.map((event) => eventTestStatus(event, ofEvent.get(event.id) ?? []))
    }
  }

  save(id: string | undefined, draft: TestCaseDraft): TestCase {
    const project = this.session.require({ forWriting: true })
    const parts = mappingParts(project, draft.mappingId)
    const previous = id === undefined ? undefined : project.testCases.get(id)
    if (id !== undefined && !previous) throw new StudioError('not_found', 'That test case no longer exists.')
    // Test cases are told apart by name (in the Tests screen, in bundles, in capmap test's report). Only a new name
    // is checked: test cases that came with the same name (older projects, bundles) can still be edited.
    const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()
    const renamed = previous === undefined || !sameName(previous.name, draft.name)
    const namesake =
      renamed &&
      project.testCases
        .listForMappings([draft.mappingId])
        .find((other) => other.id !== id && sameName(other.name, draft.name))
    if (namesake) {
      throw new StudioError(
        'conflict',
        `This mapping already has a test case named ${namesake.name}: give this one another name.`
      )
    }
    const now = this.clock.now().toISOString()
    const saved = inWriteTransaction(project.db, () => {
      const written =
        id === undefined
          ? project.testCases.insert(this.clock.newId(), draft, now)
          : project.testCases.update(id, draft, now)
      const events = new Set([parts.event.id])
      if (previous) events.add(mappingParts(project, previous.mappingId).event.id)
      for (const eventId of events) applyTestGate(project, eventId, now)
      return written
    })
    this.changed()
    return withCurrent(project, [saved])[0] as TestCase
  }

  delete(id: string): { id: string } {
    const project = this.session.require({ forWriting: true })
    const stored = project.testCases.get(id)
    if (!stored) throw new StudioError('not_found', 'That test case no longer exists.')
    const { event } = mappingParts(project, stored.mappingId)
    inWriteTransaction(project.db, () => {
      project.testCases.delete(id)
      applyTestGate(project, event.id, this.clock.now().toISOString())
    })
    this.changed()
    return { id }
  }

  /** The mapping's outputs for a payload, as a test case would see them: what a new test case expects, once reviewed. */
  async preview(mappingId: string, payload: unknown): Promise<PayloadPreview> {
    const project = this.session.require()
    const evaluator = createWorkerExpressionEvaluator()
    try {
      const result = await compileProjectMapping(mappingParts(project, mappingId), evaluator)(payload)
      return {
        matched: result.matched,
        valid: result.valid,
        outputs: JSON.parse(JSON.stringify(result.outputs.map((output) => output.payload))) as CapillaryPayload[],
        diagnostics: result.diagnostics
      }
    } finally {
      await evaluator.close()
    }
  }

  /** Runs the chosen test cases (each mapping compiled once), records each run, then works the gate out again. */
  async run(selection: TestRunSelection): Promise<TestCaseOverview> {
    const project = this.session.require({ forWriting: true })
    const chosen = this.select(project, selection)
    const evaluator = createWorkerExpressionEvaluator()
    const events = new Set<string>()
    try {
      const byMapping = new Map<string, StoredTestCase[]>()
      for (const testCase of chosen)
        byMapping.set(testCase.mappingId, [...(byMapping.get(testCase.mappingId) ?? []), testCase])
      for (const [mappingId, testCases] of byMapping) {
        const parts = mappingParts(project, mappingId)
        events.add(parts.event.id)
        const compiled = compileProjectMapping(parts, evaluator)
        for (const testCase of testCases) {
          const run = await runTestCase(compiled, testCase, {
            now: this.clock.now().toISOString(),
            fingerprint: testFingerprint(parts, testCase)
          })
          // The project may have closed, or the test case gone, while JSONata ran.
          const current = this.session.require({ forWriting: true })
          if (current !== project) throw new StudioError('conflict', 'The project changed while its tests ran.')
          project.testCases.recordRun(testCase.id, run)
        }
      }
    } finally {
      await evaluator.close()
    }
    const now = this.clock.now().toISOString()
    inWriteTransaction(project.db, () => {
      for (const eventId of events) applyTestGate(project, eventId, now)
    })
    this.changed()
    const ran = new Set(chosen.map((testCase) => testCase.id))
    const overview = this.list()
    return {
      testCases: overview.testCases.filter((testCase) => ran.has(testCase.id)),
      statuses: overview.statuses.filter((status) => events.has(status.eventId))
    }
  }

  /** Edge cases synthesised from a payload (the fields the mapping reads), each run through the mapping. */
  async edgeCases(mappingId: string, payload: unknown): Promise<EdgeCaseResult[]> {
    const project = this.session.require()
    const parts = mappingParts(project, mappingId)
    const evaluator = createWorkerExpressionEvaluator()
    try {
      const compiled = compileProjectMapping(parts, evaluator)
      const results: EdgeCaseResult[] = []
      for (const edgeCase of edgeCases(payload, fieldsReadBy(resolvedSpec(parts)))) {
        const result = await compiled(edgeCase.payload)
        results.push({
          ...edgeCase,
          matched: result.matched,
          valid: result.valid,
          outputs: JSON.parse(JSON.stringify(result.outputs.map((output) => output.payload))) as CapillaryPayload[],
          diagnostics: result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')
        })
      }
      return results
    } finally {
      await evaluator.close()
    }
  }

  /** What the mapping's test cases and its integration's newest captures leave untouched. */
  async coverage(mappingId: string): Promise<MappingCoverage> {
    const project = this.session.require()
    const parts = mappingParts(project, mappingId)
    const { items } = project.captures.list({
      limit: coverageCaptureLimit,
      integrationId: parts.integration.id,
      statuses: ['ok']
    })
    const payloads = items.flatMap((summary) => {
      const stored = project.captures.get(summary.id)
      if (!stored?.body) return []
      const decoded = decodeCapturedBody(stored.body, stored.contentType ?? undefined, stored.headers)
      return decoded.error === undefined ? [decoded.value] : []
    })
    const evaluator = createWorkerExpressionEvaluator()
    try {
      return await mappingCoverage({
        mappingId,
        spec: resolvedSpec(parts),
        event: parts.event,
        compiled: compileProjectMapping(parts, evaluator),
        payloads,
        testCases: project.testCases.list().filter((testCase) => testCase.mappingId === mappingId)
      })
    } finally {
      await evaluator.close()
    }
  }

  private select(project: OpenedProject, selection: TestRunSelection): StoredTestCase[] {
    const all = project.testCases.list()
    if ('all' in selection) return all
    if ('testCaseIds' in selection) {
      const wanted = new Set(selection.testCaseIds)
      const found = all.filter((testCase) => wanted.has(testCase.id))
      if (found.length < wanted.size) throw new StudioError('not_found', 'Some of those test cases no longer exist.')
      return found
    }
    if (!project.events.get(selection.eventId)) throw new StudioError('not_found', 'That event no longer exists.')
    return all.filter((testCase) => mappingParts(project, testCase.mappingId).event.id === selection.eventId)
  }

  private changed(): void {
    this.session.touch()
    this.bus.emit('testCasesChanged', {})
    this.bus.emit('eventsChanged', { reason: 'updated' })
  }
}
