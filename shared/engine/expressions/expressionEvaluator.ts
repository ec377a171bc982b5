/** What running one JSONata expression gave: a value (undefined when it selects nothing) or why it did not. */
export type ExpressionOutcome =
  { ok: true; value: unknown } | { ok: false; code: 'expression_error' | 'expression_timeout'; message: string }

/**
 * Runs JSONata expressions. `input` is what `$` means (the item under fan-out), `payload` what `$$` means. Never
 * rejects. The in-process one (createJsonataEvaluator) time-boxes cooperatively; main also has one that runs them in
 * a worker thread it can terminate (main/engine), since one long built-in call cannot be interrupted.
 */
export interface ExpressionEvaluator {
  evaluate(expression: string, input: unknown, payload: unknown): Promise<ExpressionOutcome>
}
