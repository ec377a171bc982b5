import type { Command } from './commands'

export interface Undoable {
  canUndo: boolean
  canRedo: boolean
  undo(): void
  redo(): void
}

export const undoRedoShortcuts = { undo: 'Mod+Z', redo: 'Mod+Shift+Z', redoAlternative: 'Mod+Y' } as const

/** Undo and Redo (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y) for the screen whose store is given. */
export function undoRedoCommands(store: { getState(): Undoable }): Command[] {
  const redo = () => store.getState().redo()
  const canRedo = () => store.getState().canRedo
  return [
    {
      id: 'edit.undo',
      title: 'Undo',
      category: 'Edit',
      shortcut: undoRedoShortcuts.undo,
      enabled: () => store.getState().canUndo,
      run: () => store.getState().undo()
    },
    { id: 'edit.redo', title: 'Redo', category: 'Edit', shortcut: undoRedoShortcuts.redo, enabled: canRedo, run: redo },
    {
      id: 'edit.redoAlternative',
      title: 'Redo',
      category: 'Edit',
      shortcut: undoRedoShortcuts.redoAlternative,
      hidden: true,
      enabled: canRedo,
      run: redo
    }
  ]
}
