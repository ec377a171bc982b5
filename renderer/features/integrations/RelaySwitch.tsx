import { useEffect } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'

/** The integration's relay on or off, through the first connection profile unless Deliveries chose another. */
export function RelaySwitch({ integrationId }: { integrationId: string }) {
  const { deliveries, profiles, navigation } = useStudio()
  const own = useStudioStore(
    (s) => s.deliveries,
    (state) => state.settings.find((entry) => entry.integrationId === integrationId)
  )
  const switching = useStudioStore(
    (s) => s.deliveries,
    (state) => state.switching !== null
  )
  const firstProfile = useStudioStore(
    (s) => s.profiles,
    (state) => state.profiles[0]?.id ?? null
  )
  useEffect(() => {
    void deliveries.getState().loadSettings()
    void profiles.getState().load()
  }, [deliveries, profiles, integrationId])
  // A relay left on with no profile (a headless run against a base URL) is fixed in Deliveries, where one is chosen.
  const needsProfile = own?.enabled === true && !own.profileId
  const profileId = own?.profileId ?? (needsProfile ? null : firstProfile)
  return (
    <p className="section-note">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={own?.enabled ?? false}
          disabled={switching || (profileId === null && !own?.enabled)}
          onChange={(event) =>
            void deliveries.getState().setRelay({ integrationId, enabled: event.target.checked, profileId })
          }
        />
        Relay its captures to Capillary as they arrive
      </label>{' '}
      <button type="button" className="link-button" onClick={() => navigation.getState().open('deliveries')}>
        {needsProfile
          ? 'On, with no connection profile: its events wait. Choose one in Deliveries'
          : profileId === null
            ? 'Needs a connection profile: see Deliveries'
            : 'Deliveries'}
      </button>
    </p>
  )
}
