import { useEffect } from 'react'
import { matchesShortcut } from './commands'
import { useStudio } from './StudioContext'
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
      if (!command) return
      event.preventDefault()
      void command.run()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [commands])
}
