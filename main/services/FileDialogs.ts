import type { PickedPath } from '../../shared/api/types'

/** What the user is choosing a file for: each has its own title, filter, and open or save dialog. */
export type FileDialogKind = 'project.open' | 'project.new' | 'project.saveAs' | 'bundle.import' | 'bundle.export'

export interface FileDialogOptions {
  mode: 'open' | 'save'
  title: string
  filters: { name: string; extensions: string[] }[]
}

const projectFiles = { name: 'Capillary Mapping Studio project', extensions: ['capmap'] }
// A dialog filter matches one extension: `.json` offers the bundles, and the studio checks the full `.capmap.json`.
const bundleFiles = { name: 'Mapping bundle (*.capmap.json)', extensions: ['json'] }

/** The options of each native dialog, built purely (tested in Node; main.ts only hands them to Electron). */
export function fileDialogOptions(kind: FileDialogKind): FileDialogOptions {
  switch (kind) {
    case 'project.open':
      return { mode: 'open', title: 'Open project', filters: [projectFiles] }
    case 'project.new':
      return { mode: 'save', title: 'New project', filters: [projectFiles] }
    case 'project.saveAs':
      return { mode: 'save', title: 'Save project as', filters: [projectFiles] }
    case 'bundle.import':
      return { mode: 'open', title: 'Import bundle', filters: [bundleFiles] }
    case 'bundle.export':
      return { mode: 'save', title: 'Export bundle', filters: [bundleFiles] }
  }
}

/** Native file dialogs: Electron's in the app; none in web mode and the CLI, where the UI asks for a path itself. */
export interface FileDialogs {
  pickPath(kind: FileDialogKind): Promise<PickedPath>
}

export const noFileDialogs: FileDialogs = { pickPath: async () => ({ supported: false }) }
