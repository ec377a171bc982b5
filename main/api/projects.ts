import { listProjectDirectory } from '../platform/listProjectDirectory'
import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

type ProjectHandlers = Pick<
  Handlers,
  | 'getProjectState'
  | 'newProject'
  | 'openProject'
  | 'saveProjectAs'
  | 'closeProject'
  | 'listRecentProjects'
  | 'pickProjectPath'
  | 'listDirectory'
>

export const createProjectHandlers = (studio: Studio): ProjectHandlers => ({
  getProjectState: () => studio.session.state(),
  newProject: ({ path, sample }) => studio.newProject(path, sample),
  openProject: ({ path, readOnly }) => studio.session.open(path, { readOnly }),
  saveProjectAs: ({ path }) => studio.session.saveAs(path),
  closeProject: () => studio.session.close(),
  listRecentProjects: () => studio.appState.recentProjects(),
  pickProjectPath: ({ purpose }) => studio.fileDialogs.pickPath(`project.${purpose}`),
  listDirectory: ({ path }) => listProjectDirectory(path)
})
