import { performance } from 'node:perf_hooks'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { CompiledMapping } from '../../shared/engine/compileMapping'
import type { BatchRunState, BatchSummary } from '../../shared/model/testCase'
import { decodeCapturedBody } from '../engine/decodeCapturedBody'
import type { CaptureRepository } from '../store/CaptureRepository'

/** Captures mapped per turn of the event loop: small enough that requests and the listener never wait long. */
const sliceSize = 25
/** At most this many capture ids are kept per row of the summary, to open. */
const idsPerRow = 20
/** Progress is reported at most this often. */
const progressEveryMs = 100

export interface BatchRunInput {
  runId: string
  mappingId: string
  integrationId: string
  captures: CaptureRepository
  compiled: CompiledMapping
  onProgress(state: BatchRunState): void
}

/**
 * One batch run: the mapping over every capture of its integration (newest first), a slice per event-loop turn,
 * with progress and cancel. Nothing is stored: the summary is the result.
 */
export class BatchRunner {
  private cancelled = false
  private readonly state: BatchRunState

  constructor(private readonly input: BatchRunInput) {
    this.state = {
      runId: input.runId,
      mappingId: input.mappingId,
      state: 'running',
      done: 0,
      total: 0,
      summary: { valid: 0, unmatched: 0, invalid: [], unmatchedCaptureIds: [], validCaptureIds: [] },
      message: null
    }
  }

  snapshot(): BatchRunState {
    return structuredClone(this.state)
  }

  cancel(): void {
    this.cancelled = true
  }

  async run(): Promise<BatchRunState> {
    try {
      const ids = this.captureIds()
      this.state.total = ids.length
      this.report()
      let reportedAt = performance.now()
      for (let start = 0; start < ids.length; start += sliceSize) {
        await nextTurn()
        if (this.cancelled) return this.finish('cancelled', `Cancelled after ${this.state.done} of ${ids.length}.`)
        for (const id of ids.slice(start, start + sliceSize)) await this.mapOne(id)
        if (performance.now() - reportedAt >= progressEveryMs) {
          reportedAt = performance.now()
          this.report()
        }
      }
      return this.finish('done', null)
    } catch (error) {
      return this.finish('failed', `The batch run stopped: ${(error as Error).message}`)
    }
  }

  private captureIds(): string[] {
    const ids: string[] = []
    let cursor: string | undefined
    do {
      const page = this.input.captures.list({
        limit: 1000,
        integrationId: this.input.integrationId,
        ...(cursor === undefined ? {} : { cursor })
      })
      ids.push(...page.items.map((item) => item.id))
      cursor = page.nextCursor ?? undefined
    } while (cursor !== undefined)
    return ids
  }

  private async mapOne(id: string): Promise<void> {
    const capture = this.input.captures.get(id)
    this.state.done += 1
    if (!capture) return // deleted meanwhile
    const { summary } = this.state
    if (capture.body === null) return this.countInvalid(summary, ['body_not_kept'], id)
    const decoded = decodeCapturedBody(capture.body, capture.contentType ?? undefined, capture.headers)
    if (decoded.error !== undefined) return this.countInvalid(summary, ['decode_error'], id)
    const result = await this.input.compiled(decoded.value)
    if (!result.matched) {
      summary.unmatched += 1
      if (summary.unmatchedCaptureIds.length < idsPerRow) summary.unmatchedCaptureIds.push(id)
    } else if (result.valid) {
      summary.valid += 1
      if (summary.validCaptureIds.length < idsPerRow) summary.validCaptureIds.push(id)
    } else {
      const codes = result.diagnostics.filter((entry) => entry.severity === 'error').map((entry) => entry.code)
      this.countInvalid(summary, codes.length > 0 ? codes : ['no_output'], id)
    }
  }

  private countInvalid(summary: BatchSummary, codes: readonly string[], id: string): void {
    for (const code of new Set(codes)) {
      let row = summary.invalid.find((entry) => entry.code === code)
      if (!row) {
        row = { code, count: 0, captureIds: [] }
        summary.invalid.push(row)
      }
      row.count += 1
      if (row.captureIds.length < idsPerRow) row.captureIds.push(id)
    }
  }

  private finish(state: BatchRunState['state'], message: string | null): BatchRunState {
    this.state.state = state
    this.state.message = message
    this.state.summary.invalid.sort((a, b) => b.count - a.count)
    this.report()
    return this.snapshot()
  }

  private report(): void {
    this.input.onProgress(this.snapshot())
  }
}
