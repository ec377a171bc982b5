import type { EventStatus } from '../../../shared/model/event'

const labels: Record<EventStatus, string> = { draft: 'Draft', tested: 'Tested' }

export function StatusChip({ status }: { status: EventStatus }) {
  return <span className={`chip chip-${status}`}>{labels[status]}</span>
}
