import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'

/** What CapturesScreen is sent as its target's `with` to put the focus in its search box once shown. */
export const focusSearchTarget = { focus: 'search' } as const

export function focusCaptureSearch(): void {
  document.querySelector<HTMLInputElement>('input[aria-label="Search captures"]')?.focus()
}

/**
 * "Search Captures" (Mod+Shift+F, as VS Code's search across files), from any screen: it shows the inbox and puts
 * the focus in its search box. Registered by the shell, not the inbox, so it is there before the inbox is shown.
 */
export function useSearchCapturesCommand(): void {
  const { commands, navigation, project } = useStudio()
  useEffect(
    () =>
      commands.getState().register([
        {
          id: 'captures.focusSearch',
          title: 'Search Captures',
          category: 'Inbox',
          shortcut: 'Mod+Shift+F',
          enabled: () => project.getState().project !== null,
          run: () => {
            if (navigation.getState().screen === 'captures') return focusCaptureSearch()
            navigation.getState().open('captures', { with: focusSearchTarget })
          }
        }
      ]),
    [commands, navigation, project]
  )
}
