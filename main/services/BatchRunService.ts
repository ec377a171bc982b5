import type { BatchRunState } from '../../shared/model/testCase'
import { compileProjectMapping } from '../engine/compileProjectMapping'
import { createWorkerExpressionEvaluator } from '../engine/createWorkerExpressionEvaluator'
import { StudioError } from '../errors/StudioError'
import { BatchRunner } from '../testCases/BatchRunner'
import { mappingParts } from '../testCases/testGate'
import type { Clock } from './Clock'
import type { ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'

/** Batch runs of a mapping over its integration's captures, with progress pushed as `batchRunProgress`. */
export class BatchRunService {
  private readonly running = new Map<string, BatchRunner>()

  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly clock: Clock
  ) {
    // A run reads the project's captures: it stops before the file closes.
    session.observe({ opened: () => undefined, closing: () => this.cancelAll() })
  }

  start(mappingId: string): BatchRunState {
    const project = this.session.require()
    const parts = mappingParts(project, mappingId)
    const evaluator = createWorkerExpressionEvaluator()
    const runner = new BatchRunner({
      runId: this.clock.newId(),
      mappingId,
      integrationId: parts.integration.id,
      captures: project.captures,
      compiled: compileProjectMapping(parts, evaluator),
      onProgress: (state) => this.bus.emit('batchRunProgress', state)
    })
    const runId = runner.snapshot().runId
    this.running.set(runId, runner)
    void runner.run().finally(() => {
      this.running.delete(runId)
      void evaluator.close()
    })
    return runner.snapshot()
  }

  cancel(runId: string): BatchRunState {
    const runner = this.running.get(runId)
    if (!runner) throw new StudioError('not_found', 'That batch run has already finished.')
    runner.cancel()
    return runner.snapshot()
  }

  private cancelAll(): void {
    for (const runner of this.running.values()) runner.cancel()
  }
}
