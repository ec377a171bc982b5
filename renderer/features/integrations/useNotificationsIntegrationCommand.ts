import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'
import { notificationsIntegrationCommand } from '../captures/notificationsIntegrationCommand'

/** The capture-only integration for Capillary's Event Notifications can be made from the Integrations screen too. */
export function useNotificationsIntegrationCommand(): void {
  const { api, commands, notifications, project } = useStudio()
  useEffect(
    () => commands.getState().register([notificationsIntegrationCommand({ api, notifications, project })]),
    [api, commands, notifications, project]
  )
}
