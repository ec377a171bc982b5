import type { CaptureQuery, CaptureStatus, CaptureSummary } from '../../../shared/model/capture'

/** What the inbox shows: one integration (null: the unmatched captures; undefined: all), search and filters. */
export interface InboxFilter {
  integrationId: string | null | undefined
  search: string
  statuses: CaptureStatus[]
  sourceEvent: string
  /** `datetime-local` values (the user's time zone), or empty. */
  from: string
  to: string
}

/** The filter as main's keyset query. */
export function toQuery(filter: InboxFilter, limit: number, cursor?: string): CaptureQuery {
  const query: CaptureQuery = { limit }
  if (cursor !== undefined) query.cursor = cursor
  if (filter.integrationId !== undefined) query.integrationId = filter.integrationId
  if (filter.search.trim() !== '') query.search = filter.search.trim()
  if (filter.statuses.length > 0) query.statuses = filter.statuses
  if (filter.sourceEvent.trim() !== '') query.sourceEvent = filter.sourceEvent.trim()
  const from = isoOf(filter.from)
  const to = isoOf(filter.to)
  if (from) query.from = from
  if (to) query.to = to
  return query
}

/** Whether a live capture belongs in the list (search and time range are left to main). */
export function matchesFilter(capture: CaptureSummary, filter: InboxFilter): boolean {
  if (filter.integrationId !== undefined && capture.integrationId !== filter.integrationId) return false
  if (filter.statuses.length > 0 && !filter.statuses.includes(capture.status)) return false
  if (filter.sourceEvent.trim() !== '' && capture.sourceEvent !== filter.sourceEvent.trim()) return false
  return true
}

export function isFiltered(filter: InboxFilter): boolean {
  return (
    filter.integrationId !== undefined ||
    filter.search.trim() !== '' ||
    filter.statuses.length > 0 ||
    filter.sourceEvent.trim() !== '' ||
    filter.from !== '' ||
    filter.to !== ''
  )
}

function isoOf(local: string): string | undefined {
  if (local === '') return undefined
  const time = new Date(local)
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString()
}
