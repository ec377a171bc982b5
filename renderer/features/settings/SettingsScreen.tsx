import type { AppInfo } from '../../../shared/api/types'
import { useThemeStore, type ThemePreference } from '../../app/theme'
import { ListenerSettingsSection } from '../listener/ListenerSettingsSection'
import { ConnectionProfilesSection } from './ConnectionProfilesSection'
import './settings.css'

const themeLabels: Record<ThemePreference, string> = { system: 'Follow the system', light: 'Light', dark: 'Dark' }

/** Studio-wide preferences, the open project's webhook listener, connection profiles to Capillary, and facts about this studio. */
export function SettingsScreen({ appInfo }: { appInfo: AppInfo | null }) {
  const preference = useThemeStore((state) => state.preference)
  return (
    <section className="editor-pane settings" aria-label="Settings">
      <h1>Settings</h1>
      <fieldset className="settings-group">
        <legend>Theme</legend>
        {(Object.keys(themeLabels) as ThemePreference[]).map((option) => (
          <label key={option} className="checkbox">
            <input
              type="radio"
              name="theme"
              value={option}
              checked={preference === option}
              onChange={() => useThemeStore.getState().setPreference(option)}
            />
            {themeLabels[option]}
          </label>
        ))}
      </fieldset>
      <ListenerSettingsSection />
      <ConnectionProfilesSection appInfo={appInfo} />
      {appInfo && (
        <dl className="facts">
          <dt>Version</dt>
          <dd>{appInfo.version}</dd>
          <dt>Running as</dt>
          <dd>{appInfo.mode === 'web' ? 'Web mode (the studio in your browser)' : 'Desktop app'}</dd>
          <dt>Config folder</dt>
          <dd className="mono">{appInfo.configDir}</dd>
        </dl>
      )}
    </section>
  )
}
