import type { NotificationStore } from '../../app/notifications'
import { plural } from '../../ui/plural'
import type { EventsStore } from './store'

/** Puts the last deleted event back, and says what could not come back with it. */
export async function undoEventDelete(events: EventsStore, notifications: NotificationStore): Promise<void> {
  const restored = await events.getState().undoDelete()
  if (!restored) return
  const { event, droppedMappings } = restored
  notifications
    .getState()
    .notify(
      'info',
      droppedMappings > 0
        ? `Restored ${event.name}, without ${plural(droppedMappings, 'mapping')}: their integrations were deleted since.`
        : `Restored ${event.name}.`
    )
}
