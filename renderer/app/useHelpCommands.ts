import { useEffect } from 'react'
import { copyDiagnostics, currentDiagnostics } from './diagnostics'
import { useStudio } from './StudioContext'
import { useTourStore } from './tour'

/**
 * The Help menu's commands (Welcome Tour, Reveal Logs, Copy Diagnostics, About) and File › Open Recent's, in the
 * palette too; the native menu runs them by id (main/app/menuTemplate.ts).
 */
export function useHelpCommands(showAbout: () => void): void {
  const stores = useStudio()
  const { api, commands, notifications, project } = stores

  useEffect(
    () =>
      commands.getState().register([
        {
          id: 'help.tour',
          title: 'Welcome Tour',
          category: 'Help',
          run: () => useTourStore.getState().start()
        },
        {
          id: 'help.revealLogs',
          title: 'Reveal Logs',
          category: 'Help',
          run: async () => {
            const result = await api.revealLogs({})
            if (result.ok) notifications.getState().notify('info', `Logs are in ${result.value.path}`)
            else notifications.getState().reportError(result.error)
          }
        },
        {
          id: 'help.copyDiagnostics',
          title: 'Copy Diagnostics',
          category: 'Help',
          run: async () => {
            if (await copyDiagnostics()) notifications.getState().notify('info', 'Diagnostics copied to the clipboard.')
            else
              notifications.getState().notify('error', `The clipboard refused. Diagnostics:\n${currentDiagnostics()}`)
          }
        },
        { id: 'help.about', title: 'About Capillary Mapping Studio', category: 'Help', run: showAbout },
        {
          id: 'project.openRecent',
          title: 'Open Recent Project',
          category: 'Project',
          // Only the menu (with a path) runs it: the palette's way is Open Project… and the welcome screen's list.
          hidden: true,
          run: async (path) => {
            if (!path || !(await stores.leave.getState().confirmLeave())) return
            const result = await project.getState().open(path)
            if (!result.ok) notifications.getState().reportError(result.error)
          }
        }
      ]),
    [stores, api, commands, notifications, project, showAbout]
  )
}
