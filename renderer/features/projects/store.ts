import { createStore } from 'zustand/vanilla'
import type { Result } from '../../../shared/api/result'
import type { OpenProject, ProjectState, RecentProject } from '../../../shared/api/types'
import type { StudioApi } from '../../api/client'

type ProjectApi = Pick<
  StudioApi,
  'getProjectState' | 'newProject' | 'openProject' | 'saveProjectAs' | 'closeProject' | 'listRecentProjects'
>

interface ProjectStoreState {
  project: OpenProject | null
  recent: RecentProject[]
  loaded: boolean
  refresh(): Promise<void>
  /** Main pushed a new state (another window, a menu): take it as is. */
  receive(state: ProjectState): void
  newProject(path: string, sample?: boolean): Promise<Result<ProjectState>>
  open(path: string, readOnly?: boolean): Promise<Result<ProjectState>>
  saveAs(path: string): Promise<Result<ProjectState>>
  close(): Promise<Result<ProjectState>>
}

/** The open project and the recent list; main is the source of truth, this mirrors it. */
export const createProjectStore = (api: ProjectApi) =>
  createStore<ProjectStoreState>()((set, get) => {
    const apply = async (result: Promise<Result<ProjectState>>) => {
      const settled = await result
      if (settled.ok) set({ project: settled.value.project })
      await get().refresh()
      return settled
    }
    return {
      project: null,
      recent: [],
      loaded: false,
      async refresh() {
        const [state, recent] = await Promise.all([api.getProjectState(), api.listRecentProjects()])
        set({
          ...(state.ok ? { project: state.value.project } : {}),
          ...(recent.ok ? { recent: recent.value } : {}),
          loaded: true
        })
      },
      receive(state) {
        set({ project: state.project })
      },
      newProject: (path, sample = false) => apply(api.newProject({ path, sample })),
      open: (path, readOnly = false) => apply(api.openProject({ path, readOnly })),
      saveAs: (path) => apply(api.saveProjectAs({ path })),
      close: () => apply(api.closeProject())
    }
  })

export type ProjectStore = ReturnType<typeof createProjectStore>
