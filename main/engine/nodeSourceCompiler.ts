import type { SourceCompiler } from '../../shared/engine/generatedOutputBuilder'

/**
 * Compiles the engine's generated output builders in main (Node has no CSP). The source comes only from the
 * validated mapping model (generatedOutputBuilder); the renderer never gets this, so it keeps the closure engine.
 */
export const nodeSourceCompiler: SourceCompiler = (parameterName, body) =>
  new Function(parameterName, body) as ReturnType<SourceCompiler>
