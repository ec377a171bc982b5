import { TriangleAlert } from 'lucide-react'
import type { CaptureShape } from '../../../shared/model/captureInbox'

const shownChanges = 4

/**
 * The newest drift of an integration's captures, shown on the capture that brought it: which new fields or types,
 * and the way to the mapping that must still read them.
 */
export function DriftWarning({ shape, onCheckMapping }: { shape: CaptureShape; onCheckMapping(): void }) {
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
        This capture brought what no earlier capture had: {changes.join(', ')}
        {more > 0 ? ` and ${more} more` : ''}. Check the mapping still reads it.
      </span>
      <button type="button" className="link-button" onClick={onCheckMapping}>
        Check the mapping
      </button>
    </div>
  )
}
