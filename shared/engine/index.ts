export { compileMapping } from './compileMapping'
export type {
  AsyncCompiledMapping,
  CompiledMapping,
  CompileOptions,
  MappingEvent,
  SyncCompiledMapping
} from './compileMapping'
export { diagnosticCodes, jsonPointer, pointerSegments, pointerToken } from './diagnostics'
export type { DiagnosticCode, DiagnosticSeverity, EngineDiagnostic } from './diagnostics'
export { contentTypeForFile, decodeBody, decodeBodyForFile, mediaType } from './decode'
export type { BodyKind, DecodedBody, MediaType } from './decode'
export { checkExpression } from './expressions/checkExpression'
export { createJsonataEvaluator } from './expressions/createJsonataEvaluator'
export type { JsonataEvaluatorOptions } from './expressions/createJsonataEvaluator'
export type { ExpressionEvaluator, ExpressionOutcome } from './expressions/expressionEvaluator'
export type { CapillaryPayload, FieldProvenance, MappingOutput, MappingResult } from './mappingResult'
export { formatPath, parsePath } from './sourcePath/parsePath'
export type { ParsedPath, PathSegment } from './sourcePath/parsePath'
export { resolveMatch } from './resolveMatch'
export type { IntegrationMatch } from './resolveMatch'
export { capillaryNativeMapping } from './capillaryNativeMapping'
export type { AdapterMappingBody, NativeMapping, NativeTransformer, RelayReason } from './capillaryNativeMapping'
export { inferSchema } from './inferSchema'
export type { InferredField, InferredFormat, InferredSchema, InferredType } from './inferSchema'
export { mappingJsonSchema } from './schema/mappingJsonSchema'
export { suggestMappings } from './suggestMappings'
export type { AttributeSuggestions, MappingSuggestion } from './suggestMappings'
