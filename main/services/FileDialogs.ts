import type { PickedPath } from '../../shared/api/types'

/** Native file dialogs: Electron's in the app; none in web mode and the CLI, where the UI asks for a path itself. */
export interface FileDialogs {
  pickProjectPath(purpose: 'open' | 'new' | 'saveAs'): Promise<PickedPath>
}

export const noFileDialogs: FileDialogs = { pickProjectPath: async () => ({ supported: false }) }
