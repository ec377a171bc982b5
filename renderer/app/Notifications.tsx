import { X } from 'lucide-react'
import { useStudioStore, useStudio } from './StudioContext'

/** Errors and confirmations, announced to screen readers; errors stay until dismissed. */
export function Notifications() {
  const { notifications } = useStudio()
  const items = useStudioStore(
    (s) => s.notifications,
    (state) => state.items
  )
  return (
    <div className="notifications" aria-live="polite">
      {items.map((item) => (
        <div
          key={item.id}
          className={`notification notification-${item.kind}`}
          role={item.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{item.message}</span>
          <button
            type="button"
            className="icon-button"
            aria-label="Dismiss"
            onClick={() => notifications.getState().dismiss(item.id)}
          >
            <X size={14} />
          </button>
        </div>
      ))}
    </div>
  )
}
