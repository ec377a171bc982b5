import { useStudio, useStudioStore } from '../../app/StudioContext'

/** Each integration's relay: on or off, and the connection profile whose Capillary org receives its events. */
export function RelaySwitches() {
  const { deliveries, navigation } = useStudio()
  const settings = useStudioStore(
    (s) => s.deliveries,
    (state) => state.settings
  )
  const switching = useStudioStore(
    (s) => s.deliveries,
    (state) => state.switching
  )
  const integrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  const profiles = useStudioStore(
    (s) => s.profiles,
    (state) => state.profiles
  )
  if (integrations.length === 0) return null
  return (
    <section className="relay-switches" aria-label="Relays">
      <h2>Relays</h2>
      {profiles.length === 0 && (
        <p className="muted">
          The relay posts to a Capillary org through a connection profile. To rehearse offline, start the local sandbox
          in{' '}
          <button type="button" className="link-button" onClick={() => navigation.getState().open('settings')}>
            Settings
          </button>
          : it makes a profile for itself. Then turn the relay on for an integration here.
        </p>
      )}
      <ul className="relay-list">
        {integrations.map((integration) => {
          const own = settings.find((entry) => entry.integrationId === integration.id)
          const enabled = own?.enabled ?? false
          // A relay left on with no profile (a headless run against a base URL) holds its events until one is chosen.
          const needsProfile = enabled && !own?.profileId
          const profileId = own?.profileId ?? (needsProfile ? null : (profiles[0]?.id ?? null))
          return (
            <li key={integration.id} className="relay-row">
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={enabled}
                  disabled={switching !== null || (profileId === null && !enabled)}
                  onChange={(event) =>
                    void deliveries
                      .getState()
                      .setRelay({ integrationId: integration.id, enabled: event.target.checked, profileId })
                  }
                />
                Relay {integration.name}
              </label>
              <select
                className="input"
                aria-label={`Connection profile for ${integration.name}`}
                value={profileId ?? ''}
                disabled={switching !== null || profiles.length === 0}
                onChange={(event) =>
                  void deliveries
                    .getState()
                    .setRelay({ integrationId: integration.id, enabled, profileId: event.target.value || null })
                }
              >
                {profileId === null && (
                  <option value="">
                    {profiles.length === 0 ? 'No connection profile' : 'Choose a connection profile'}
                  </option>
                )}
                {profiles.map((profile) => (
                  <option key={profile.id} value={profile.id}>
                    {profile.name}
                  </option>
                ))}
              </select>
              {needsProfile && switching !== integration.id ? (
                <span className="relay-uri" role="status">
                  On, but with no connection profile: its events wait, undelivered, until one is chosen.
                </span>
              ) : (
                <span className="mono muted relay-uri">
                  {switching === integration.id
                    ? 'Ensuring the webhook in Capillary…'
                    : enabled
                      ? (own?.webhookUri ?? '')
                      : 'Off'}
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
