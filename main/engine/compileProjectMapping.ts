import { performance } from 'node:perf_hooks'
import { compileMapping, type CompiledMapping, type CompileOptions } from '../../shared/engine/compileMapping'
import type { ExpressionEvaluator } from '../../shared/engine/expressions/expressionEvaluator'
import { integrationMatch, resolveMatch } from '../../shared/engine/resolveMatch'
import type { EventDefinition } from '../../shared/model/event'
import type { Integration } from '../../shared/model/integration'
import type { Mapping, MappingSpec } from '../../shared/model/mapping'
import { nodeSourceCompiler } from './nodeSourceCompiler'

/** What a stored mapping runs with: its event, and its match resolved from the integration's event-name map. */
export interface ProjectMappingParts {
  mapping: Mapping
  event: EventDefinition
  integration: Integration
}

/** The spec the engine runs for a stored mapping: an `integration` match becomes the names that mean its event. */
export function resolvedSpec({ mapping, event, integration }: ProjectMappingParts): MappingSpec {
  return resolveMatch(mapping, integrationMatch(integration, event.name))
}

/**
 * How main runs the engine: JSONata in `evaluator` under a time limit, and generated code (main is Node, with no CSP
 * to keep; the renderer's preview keeps the closure engine, which gives the same results).
 */
export function mainEngineOptions(
  evaluator: ExpressionEvaluator,
  options: { provenance?: boolean } = {}
): CompileOptions {
  return {
    clock: () => performance.now(),
    expressionEvaluator: evaluator,
    sourceCompiler: nodeSourceCompiler,
    ...(options.provenance !== undefined ? { provenance: options.provenance } : {})
  }
}

/** Compiles a stored mapping as the studio runs it (provenance off unless asked). */
export function compileProjectMapping(
  parts: ProjectMappingParts,
  evaluator: ExpressionEvaluator,
  options: { provenance?: boolean } = {}
): CompiledMapping {
  return compileMapping(
    resolvedSpec(parts),
    parts.event,
    mainEngineOptions(evaluator, { provenance: options.provenance ?? false })
  )
}
