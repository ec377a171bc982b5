import { useEffect } from 'react'
import { matchesShortcut } from './commands'
import { typingInAField } from '../ui/typingInAField'
import { useStudio } from './StudioContext'
import { undoRedoShortcuts } from './undoRedoCommands'
import { useThemeStore } from './theme'

/** The shell's own commands, and one keydown listener that runs any command by its shortcut. */
export function useGlobalShortcuts(openPalette: () => void): void {
  const { commands } = useStudio()

  useEffect(
    () =>
      commands.getState().register([
        { id: 'palette.open', title: 'Show All Commands', category: 'View', shortcut: 'Mod+Shift+P', run: openPalette },
        {
          id: 'view.toggleTheme',
          title: 'Toggle Light/Dark Theme',
          category: 'View',
          shortcut: 'Mod+Alt+T',
          run: () => useThemeStore.getState().toggle()
        },
        {
          id: 'view.themeSystem',
          title: 'Theme: Follow the System',
          category: 'View',
          run: () => useThemeStore.getState().setPreference('system')
        }
      ]),
    [commands, openPalette]
  )

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // The first that can run: a screen's command and its launcher from other screens share a shortcut.
      const command = commands
        .getState()
        .commands.find(
          (candidate) =>
            candidate.shortcut && matchesShortcut(event, candidate.shortcut) && candidate.enabled?.() !== false
        )
      if (!command) {
        // Outside a field, the browser's own Undo would take back the last edit of a field the user is no longer in
        // (a search typed earlier, which then filters the list again): with no undo of ours to run, none happens.
        if (
          Object.values(undoRedoShortcuts).some((shortcut) => matchesShortcut(event, shortcut)) &&
          !typingInAField()
        ) {
          event.preventDefault()
        }
        return
      }
      event.preventDefault()
      void command.run()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [commands])
}
