import { FlaskConical, Inbox, Plug, Rocket, Send, Settings, Spline, Zap, type LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import type { AppInfo } from '../../shared/api/types'
import { CapturesScreen } from '../features/captures/CapturesScreen'
import { DeliveriesScreen } from '../features/deliveries/DeliveriesScreen'
import { EventsScreen } from '../features/events/EventsScreen'
import { IntegrationsScreen } from '../features/integrations/IntegrationsScreen'
import { MappingScreen } from '../features/mapping/MappingScreen'
import { PublishScreen } from '../features/publish/PublishScreen'
import { SettingsScreen } from '../features/settings/SettingsScreen'
import { TestsScreen } from '../features/tests/TestsScreen'
import type { ScreenId } from './navigation'

export interface ScreenEntry {
  id: ScreenId
  label: string
  icon: LucideIcon
  /** Shows the screen, as the command registry writes shortcuts. */
  shortcut: string
  /** Project screens show the welcome screen while no project is open. */
  needsProject: boolean
  render(context: { appInfo: AppInfo | null }): ReactNode
}

/** The activity bar's screens, in order; each feature adds its own entry (Settings stays last). */
export const screens: ScreenEntry[] = [
  { id: 'events', label: 'Events', icon: Zap, shortcut: 'Mod+1', needsProject: true, render: () => <EventsScreen /> },
  {
    id: 'integrations',
    label: 'Integrations',
    icon: Plug,
    shortcut: 'Mod+2',
    needsProject: true,
    render: () => <IntegrationsScreen />
  },
  {
    id: 'captures',
    label: 'Inbox',
    icon: Inbox,
    shortcut: 'Mod+3',
    needsProject: true,
    render: () => <CapturesScreen />
  },
  {
    id: 'mapping',
    label: 'Mappings',
    icon: Spline,
    shortcut: 'Mod+4',
    needsProject: true,
    render: () => <MappingScreen />
  },
  {
    id: 'tests',
    label: 'Tests',
    icon: FlaskConical,
    shortcut: 'Mod+5',
    needsProject: true,
    render: () => <TestsScreen />
  },
  {
    id: 'deliveries',
    label: 'Deliveries',
    icon: Send,
    shortcut: 'Mod+6',
    needsProject: true,
    render: () => <DeliveriesScreen />
  },
  {
    id: 'publish',
    label: 'Publish',
    icon: Rocket,
    shortcut: 'Mod+7',
    needsProject: true,
    render: () => <PublishScreen />
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: Settings,
    shortcut: 'Mod+,',
    needsProject: false,
    render: ({ appInfo }) => <SettingsScreen appInfo={appInfo} />
  }
]
