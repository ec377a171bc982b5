import { TriangleAlert } from 'lucide-react'
import type { CaptureShape } from '../../../shared/model/captureInbox'

const shownChanges = 4

/** The newest drift of an integration's captures: which capture brought which new fields or types. */
export function DriftWarning({ shape, onOpenCapture }: { shape: CaptureShape; onOpenCapture(id: string): void }) {
  const latest = shape.drift[0]
  if (!latest) return null
  const changes = latest.changes
    .slice(0, shownChanges)
    .map((change) => `${change.path} (${change.kind === 'new_type' ? `now also ${change.type}` : change.type})`)
  const more = latest.changes.length - shownChanges
  return (
    <div className="capture-drift" role="alert" data-testid="drift-warning">
      <TriangleAlert size={14} aria-hidden />
      <span>
        Capture #{latest.captureId} ({new Date(latest.receivedAt).toLocaleTimeString()}) brought what no earlier capture
        had: {changes.join(', ')}
        {more > 0 ? ` and ${more} more` : ''}. Check the mapping still reads it.
      </span>
      <button type="button" className="link-button" onClick={() => onOpenCapture(latest.captureId)}>
        Show #{latest.captureId}
      </button>
    </div>
  )
}
