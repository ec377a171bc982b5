import type { DesignIssue } from '../../../shared/capillary/designIssue'

/** The rule messages for one field, next to it: errors block publishing, warnings inform. */
export function FieldIssues({ issues, id }: { issues: readonly DesignIssue[]; id?: string }) {
  if (issues.length === 0) return null
  return (
    <ul className="field-issues" id={id}>
      {issues.map((issue) => (
        <li key={`${issue.code}:${issue.path}`} className={`field-${issue.severity}`} data-code={issue.code}>
          {issue.message}
        </li>
      ))}
    </ul>
  )
}
