import type { DiagnosticSeverity } from '../../shared/engine/diagnostics'

/** A diagnostic's severity as a reader takes it in, before its message. */
export const severityLabels: Record<DiagnosticSeverity, string> = {
  error: 'Error:',
  warning: 'Warning:',
  info: 'Note:'
}
