import { z } from 'zod'
import type { EngineDiagnostic } from '../engine/diagnostics'
import type { CapillaryPayload } from '../engine/mappingResult'
import { Id } from './ids'
import { jsonFitsWithin } from './jsonSize'

/** The longest test-case name. */
export const maxTestCaseNameLength = 200

/** The most a test case's payload or expected output may weigh, as JSON text. */
export const testCaseMaxBytes = 5 * 1024 * 1024

/** Where a test case's payload came from: a capture, a saved sample, an edited payload, or a synthesised edge case. */
export const TestCaseSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('capture'), captureId: Id }).strict(),
  z.object({ kind: z.literal('sample'), name: z.string().min(1).max(200) }).strict(),
  z.object({ kind: z.literal('edited') }).strict(),
  z.object({ kind: z.literal('edgeCase'), caseName: z.string().min(1).max(200) }).strict()
])
export type TestCaseSource = z.infer<typeof TestCaseSource>

/** A JSON value under the size limit (payloads arrive decoded: JSON, form, XML and text all decode to JSON). */
const JsonValue = z
  .unknown()
  .refine((value) => value !== undefined, 'Give a payload.')
  .refine(
    (value) => jsonFitsWithin(value, testCaseMaxBytes),
    `A test case holds at most ${testCaseMaxBytes / 1024 / 1024} MB of JSON.`
  )

/** One Capillary payload as the mapping should post it. */
const ExpectedPayload = z
  .looseObject({ event_name: z.string().min(1).max(200) })
  .transform((payload) => payload as CapillaryPayload)

/** What the user writes: the payload under test and the outputs it must give (none: it must not match). */
export const TestCaseDraft = z
  .object({
    mappingId: Id,
    name: z.string().trim().min(1, 'Name the test case.').max(maxTestCaseNameLength),
    source: TestCaseSource,
    payload: JsonValue,
    expected: z
      .array(ExpectedPayload)
      .max(1000)
      .refine(
        (outputs) => jsonFitsWithin(outputs, testCaseMaxBytes),
        `A test case holds at most ${testCaseMaxBytes / 1024 / 1024} MB of JSON.`
      )
  })
  .strict()
export type TestCaseDraft = z.infer<typeof TestCaseDraft>

/** Why a test case failed, in the words the UI shows. */
export type TestFailure = 'outputs_differ' | 'invalid_output' | 'engine_error'

/** The last run of a test case, kept with what it was run against (its fingerprint). */
export interface TestRun {
  ranAt: string
  passed: boolean
  failure: TestFailure | null
  /** The payloads the mapping gave. */
  actual: CapillaryPayload[]
  /** What the engine said (errors and warnings). */
  diagnostics: EngineDiagnostic[]
  /** Hash of the event, the mapping and the test case as run: a run of something since changed no longer counts. */
  fingerprint: string
}

export interface TestCase extends TestCaseDraft {
  id: string
  createdAt: string
  updatedAt: string
  lastRun: TestRun | null
  /** The last run was against the event, mapping and test case as they are now. */
  current: boolean
}

/** Where an event stands against the Tested gate, with what is missing said plainly. */
export interface EventTestStatus {
  eventId: string
  eventName: string
  status: 'draft' | 'tested'
  testCases: number
  passing: number
  failing: number
  /** Never run, or run before the last change to the event, its mapping or the test case. */
  notRun: number
  /** Empty when Tested; else one sentence per thing to do. */
  missing: string[]
}

/** A mapping's outputs for a payload, as a test case sees them. */
export interface PayloadPreview {
  matched: boolean
  valid: boolean
  outputs: CapillaryPayload[]
  diagnostics: EngineDiagnostic[]
}

export const TestRunSelection = z.union([
  z.object({ eventId: Id }).strict(),
  z.object({ testCaseIds: z.array(Id).min(1).max(10_000) }).strict(),
  z.object({ all: z.literal(true) }).strict()
])
export type TestRunSelection = z.infer<typeof TestRunSelection>

/** A batch run's tally: the mapping over every capture of its integration. */
export interface BatchSummary {
  valid: number
  unmatched: number
  /** Captures whose outputs are invalid, by the error codes they got (a capture counts once per code). */
  invalid: { code: string; count: number; captureIds: string[] }[]
  /** The first unmatched captures, to open. */
  unmatchedCaptureIds: string[]
  /** The first valid captures, to open. */
  validCaptureIds: string[]
}

export interface BatchRunState {
  runId: string
  mappingId: string
  state: 'running' | 'done' | 'cancelled' | 'failed'
  done: number
  total: number
  summary: BatchSummary
  message: string | null
}

/** One edge case run through the mapping: what it gave and whether Capillary would take it. */
export interface EdgeCaseResult {
  name: string
  path: string
  kind: string
  payload: unknown
  matched: boolean
  valid: boolean
  outputs: CapillaryPayload[]
  /** Errors and warnings. */
  diagnostics: EngineDiagnostic[]
}

/** What a mapping's test cases and captures leave untouched. */
export interface MappingCoverage {
  mappingId: string
  /** Captures of the integration read for the first two lists (the newest). */
  capturesRead: number
  /** Of those, the captures the mapping applies to (the integration's other events are not): what the lists read. */
  capturesMatched: number
  /** Source fields seen in the captures the mapping applies to that no rule reads, most present first. */
  unusedFields: { path: string; presence: number; example: unknown }[]
  /** Required attributes that no capture filled, with why. */
  requiredUnfilled: { attribute: string; reason: string }[]
  /** Rules whose attribute no test case expects a value for. */
  rulesNotExercised: string[]
  /** JSONata rules: the fields they read are not worked out. */
  expressionRules: string[]
}
