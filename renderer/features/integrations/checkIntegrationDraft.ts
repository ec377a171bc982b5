import type { IntegrationDraft } from '../../../shared/model/integration'
import { integrationNameProblem } from '../../../shared/model/integrationNameProblem'
import { slugProblem } from '../../../shared/model/slug'

/**
 * One problem in an integration draft, at a slash path into it (`slug`, `eventNameMap/2/sourceName`) so the editor
 * shows it at its field. Errors keep the draft from being saved; warnings inform.
 */
export interface IntegrationIssue {
  path: string
  message: string
  severity: 'error' | 'warning'
}

export interface IntegrationCheckContext {
  /** The slugs of the project's other integrations: a slug names one listener path. */
  otherSlugs: readonly string[]
  /** The names of the project's other integrations: lists show integrations by name alone, so names must differ. */
  otherNames?: readonly string[]
  /**
   * The integration's name as saved (an existing integration): a clash the project file already had is a warning,
   * so the integration's other fields still save.
   */
  savedName?: string
  /** The project's event names, when known: a map entry naming another event is flagged. */
  eventNames?: readonly string[]
}

export const mapPath = (index: number, field: 'sourceName' | 'eventName') => `eventNameMap/${index}/${field}`

/** The rules the integration service enforces, checked as the user types, plus the completeness of each map row. */
export function checkIntegrationDraft(draft: IntegrationDraft, context: IntegrationCheckContext): IntegrationIssue[] {
  const issues: IntegrationIssue[] = []
  const error = (path: string, message: string) => issues.push({ path, message, severity: 'error' })

  const name = integrationNameProblem(draft.name, context.otherNames ?? [], context.savedName)
  if (name) issues.push({ path: 'name', message: name.message, severity: name.kind === 'shared' ? 'warning' : 'error' })
  const slug = slugProblem(draft.slug, context.otherSlugs)
  if (slug) error('slug', slug)
  if (!draft.eventNameField.trim())
    error('eventNameField', 'Name the payload field that holds the event name (usually event_name).')

  const firstRow = new Map<string, number>()
  draft.eventNameMap.forEach((entry, index) => {
    if (entry.sourceName === '') error(mapPath(index, 'sourceName'), 'Type the event name as the app sends it.')
    else if (firstRow.has(entry.sourceName))
      // Capillary's valueMap is keyed by source name (notes §6.1): one source name means one event.
      error(
        mapPath(index, 'sourceName'),
        `"${entry.sourceName}" is already mapped in row ${firstRow.get(entry.sourceName)! + 1}: each source name means one event.`
      )
    else firstRow.set(entry.sourceName, index)

    if (entry.eventName === '') error(mapPath(index, 'eventName'), 'Choose the Capillary event this name means.')
    else if (context.eventNames && !context.eventNames.includes(entry.eventName))
      issues.push({
        path: mapPath(index, 'eventName'),
        message: `There is no event named ${entry.eventName} in this project.`,
        severity: 'warning'
      })
  })
  return issues
}

export const hasErrors = (issues: readonly IntegrationIssue[]) => issues.some((issue) => issue.severity === 'error')

export const issuesAt = (issues: readonly IntegrationIssue[], path: string) =>
  issues.filter((issue) => issue.path === path)
