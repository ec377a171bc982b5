import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'
import { notificationsIntegrationCommand } from '../captures/notificationsIntegrationCommand'

/** The capture-only integration for Capillary's Event Notifications is made from any screen (the shell registers it). */
export function useNotificationsIntegrationCommand(): void {
  const { api, commands, notifications, project } = useStudio()
  useEffect(
    () => commands.getState().register([notificationsIntegrationCommand({ api, notifications, project })]),
    [api, commands, notifications, project]
  )
}
