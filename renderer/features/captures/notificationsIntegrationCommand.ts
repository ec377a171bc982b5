import type { Command } from '../../app/commands'
import type { StudioStores } from '../../app/StudioContext'

/** "New Capillary Notifications Integration": a capture-only integration for Capillary's own Event Notifications. */
export function notificationsIntegrationCommand({
  api,
  notifications,
  project
}: Pick<StudioStores, 'api' | 'notifications' | 'project'>): Command {
  return {
    id: 'captures.newNotificationsIntegration',
    title: 'New Capillary Notifications Integration (capture only)',
    category: 'Inbox',
    enabled: () => project.getState().project?.readOnly === false,
    run: async () => {
      const result = await api.createNotificationsIntegration()
      if (!result.ok) return notifications.getState().reportError(result.error)
      notifications
        .getState()
        .notify(
          'info',
          `${result.value.name} listens at /hooks/${result.value.slug}: point Capillary's Event Notifications at it.`
        )
    }
  }
}
