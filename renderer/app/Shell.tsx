import { Plug, Settings, Zap, type LucideIcon } from 'lucide-react'
import { useState } from 'react'
import type { AppInfo } from '../../shared/api/types'
import { EventsScreen } from '../features/events/EventsScreen'
import { IntegrationsScreen } from '../features/integrations/IntegrationsScreen'
import { WelcomeScreen } from '../features/projects/WelcomeScreen'
import { SettingsScreen } from '../features/settings/SettingsScreen'
import { StatusBar } from './StatusBar'
import { useStudioStore } from './StudioContext'

type ScreenId = 'events' | 'integrations' | 'settings'

const screens: { id: ScreenId; label: string; icon: LucideIcon }[] = [
  { id: 'events', label: 'Events', icon: Zap },
  { id: 'integrations', label: 'Integrations', icon: Plug },
  { id: 'settings', label: 'Settings', icon: Settings }
]

interface ShellProps {
  appInfo: AppInfo | null
  onOpenPalette(): void
}

/** The window every screen lives in: activity bar, the screen (list and editor panes), status bar. */
export function Shell({ appInfo, onOpenPalette }: ShellProps) {
  const [screen, setScreen] = useState<ScreenId>('events')
  const project = useStudioStore(
    (s) => s.project,
    (state) => state.project
  )
  const loaded = useStudioStore(
    (s) => s.project,
    (state) => state.loaded
  )

  return (
    <div className="shell">
      <nav className="activity-bar" aria-label="Screens">
        {screens.map(({ id, label, icon: Icon }) => (
          <button
            key={id}
            type="button"
            className="activity-button"
            aria-label={label}
            aria-current={screen === id ? 'page' : undefined}
            title={label}
            onClick={() => setScreen(id)}
          >
            <Icon size={22} strokeWidth={1.6} />
          </button>
        ))}
      </nav>
      <main className="workbench">
        {screen === 'settings' ? (
          <SettingsScreen appInfo={appInfo} />
        ) : project ? (
          screen === 'integrations' ? (
            <IntegrationsScreen />
          ) : (
            <EventsScreen />
          )
        ) : (
          loaded && <WelcomeScreen onOpenPalette={onOpenPalette} />
        )}
      </main>
      <StatusBar appInfo={appInfo} onOpenPalette={onOpenPalette} />
    </div>
  )
}
