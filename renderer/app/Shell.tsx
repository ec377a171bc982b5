import { useEffect } from 'react'
import type { AppInfo } from '../../shared/api/types'
import { useSearchCapturesCommand } from '../features/captures/useSearchCapturesCommand'
import { useNotificationsIntegrationCommand } from '../features/integrations/useNotificationsIntegrationCommand'
import { WelcomeScreen } from '../features/projects/WelcomeScreen'
import { screens } from './screens'
import { StatusBar } from './StatusBar'
import { useScreenCommandLaunchers } from './useScreenCommandLaunchers'
import { useStudio, useStudioStore } from './StudioContext'

interface ShellProps {
  appInfo: AppInfo | null
  onOpenPalette(): void
}

/** The window every screen lives in: activity bar, the screen (list and editor panes), status bar. */
export function Shell({ appInfo, onOpenPalette }: ShellProps) {
  const stores = useStudio()
  const current = useStudioStore(
    (s) => s.navigation,
    (state) => state.screen
  )
  const project = useStudioStore(
    (s) => s.project,
    (state) => state.project
  )
  const loaded = useStudioStore(
    (s) => s.project,
    (state) => state.loaded
  )
  useEffect(
    () =>
      stores.commands.getState().register(
        screens.map(({ id, label, shortcut }) => ({
          id: `view.show.${id}`,
          title: `Show ${label}`,
          category: 'View',
          shortcut,
          run: () => stores.navigation.getState().open(id)
        }))
      ),
    [stores]
  )
  useSearchCapturesCommand()
  useNotificationsIntegrationCommand()
  useScreenCommandLaunchers()
  const screen = screens.find((entry) => entry.id === current) ?? screens.find((entry) => entry.id === 'events')!

  return (
    <div className="shell">
      <nav className="activity-bar" aria-label="Screens">
        {screens.map(({ id, label, icon: Icon }) => (
          <button
            key={id}
            type="button"
            className="activity-button"
            aria-label={label}
            aria-current={current === id ? 'page' : undefined}
            title={label}
            onClick={() => stores.navigation.getState().open(id)}
          >
            <Icon size={22} strokeWidth={1.6} />
          </button>
        ))}
      </nav>
      <main className="workbench">
        {!screen.needsProject || project
          ? screen.render({ appInfo })
          : loaded && <WelcomeScreen onOpenPalette={onOpenPalette} />}
      </main>
      <StatusBar appInfo={appInfo} onOpenPalette={onOpenPalette} />
    </div>
  )
}
