import type { DesignIssue } from '../../../shared/capillary/designIssue'

/** The issues about one field of the draft (its path, or anything below it when `nested`). */
export function issuesAt(issues: readonly DesignIssue[], path: string, nested = false): DesignIssue[] {
  return issues.filter((issue) => issue.path === path || (nested && issue.path.startsWith(`${path}/`)))
}
