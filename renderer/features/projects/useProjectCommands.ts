import { useEffect } from 'react'
import type { Result } from '../../../shared/api/result'
import { flushEdits } from '../../app/flushEdits'
import { useStudio } from '../../app/StudioContext'
import type { PathDialogPurpose } from './ProjectPathDialog'

/**
 * New, Open, Save As and Close as commands (palette, shortcuts, native menu). In the app they use the native file
 * dialog; in web mode, where there is none, the studio's own path dialog. Each first asks the leave gate whether
 * the open project may be left (what cannot be saved would be lost).
 */
export function useProjectCommands(showPathDialog: (purpose: PathDialogPurpose) => void): void {
  const stores = useStudio()
  const { api, commands, project, notifications, leave } = stores

  useEffect(() => {
    const report = (result: Result<unknown>) => {
      if (!result.ok) notifications.getState().reportError(result.error)
    }
    const confirmLeave = () => leave.getState().confirmLeave()
    const withPath = async (purpose: PathDialogPurpose, act: (path: string) => Promise<void>) => {
      if (!(await confirmLeave())) return
      const picked = await api.pickProjectPath({ purpose })
      if (!picked.ok || !picked.value.supported) return showPathDialog(purpose)
      if (picked.value.path) await act(picked.value.path)
    }
    const hasProject = () => project.getState().project !== null
    return commands.getState().register([
      {
        id: 'project.new',
        title: 'New Project…',
        category: 'Project',
        shortcut: 'Mod+Alt+N',
        run: () => withPath('new', async (path) => report(await project.getState().newProject(path)))
      },
      {
        id: 'project.open',
        title: 'Open Project…',
        category: 'Project',
        shortcut: 'Mod+O',
        run: () => withPath('open', async (path) => report(await project.getState().open(path)))
      },
      // Before Save As: "save" in the palette, then Enter, saves (equal matches keep this order).
      {
        id: 'project.save',
        title: 'Save Now',
        category: 'Project',
        shortcut: 'Mod+S',
        enabled: hasProject,
        run: () => flushEdits(stores)
      },
      {
        id: 'project.saveAs',
        title: 'Save Project As…',
        category: 'Project',
        shortcut: 'Mod+Shift+S',
        enabled: hasProject,
        run: () => withPath('saveAs', async (path) => report(await project.getState().saveAs(path)))
      },
      {
        id: 'project.close',
        title: 'Close Project',
        category: 'Project',
        enabled: hasProject,
        run: async () => {
          if (await confirmLeave()) report(await project.getState().close())
        }
      }
    ])
  }, [stores, api, commands, project, notifications, leave, showPathDialog])
}
