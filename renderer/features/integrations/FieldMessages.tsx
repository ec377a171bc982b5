import type { IntegrationIssue } from './checkIntegrationDraft'

/** The messages about one field, next to it (and named by its `aria-describedby` through `id`). */
export function FieldMessages({
  issues,
  id
}: {
  issues: readonly Pick<IntegrationIssue, 'message' | 'severity'>[]
  id?: string
}) {
  if (issues.length === 0) return null
  return (
    <ul className="field-issues" id={id}>
      {issues.map((issue) => (
        <li key={issue.message} className={`field-${issue.severity}`}>
          {issue.message}
        </li>
      ))}
    </ul>
  )
}
