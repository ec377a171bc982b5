import { FlaskConical, Plus } from 'lucide-react'
import { useEffect } from 'react'
import type { AppInfo } from '../../../shared/api/types'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { ProfileCard } from './ProfileCard'
import { ProfileFormDialog } from './ProfileFormDialog'

const secretsNote: Record<AppInfo['mode'], string> = {
  electron: 'Passwords and OAuth secrets are kept encrypted by your system’s keychain, never in a profile.',
  web:
    'Passwords and OAuth secrets you type are held in memory for this session only (or read from CAPMAP_PASSWORD, ' +
    'CAPMAP_OAUTH_KEY and CAPMAP_OAUTH_SECRET); they never enter a profile, a project or a log.',
  cli: 'Passwords and OAuth secrets come from CAPMAP_PASSWORD, CAPMAP_OAUTH_KEY and CAPMAP_OAUTH_SECRET.'
}

/** Settings › Connection profiles: the orgs the studio can reach, with the local sandbox for offline rehearsal. */
export function ConnectionProfilesSection({ appInfo }: { appInfo: AppInfo | null }) {
  const { profiles } = useStudio()
  const list = useStudioStore(
    (s) => s.profiles,
    (state) => state.profiles
  )
  const loaded = useStudioStore(
    (s) => s.profiles,
    (state) => state.loaded
  )
  const sandbox = useStudioStore(
    (s) => s.profiles,
    (state) => state.sandbox
  )
  const sandboxBusy = useStudioStore(
    (s) => s.profiles,
    (state) => state.sandboxBusy
  )

  useEffect(() => {
    void profiles.getState().load()
  }, [profiles])

  return (
    <section className="settings-section" aria-labelledby="profiles-heading">
      <header className="section-header">
        <div>
          <h2 id="profiles-heading">Connection profiles</h2>
          <p className="section-note">
            How the studio reaches a Capillary org. Profiles live in the config folder, shared with the capmap CLI.{' '}
            {appInfo ? secretsNote[appInfo.mode] : ''}
          </p>
        </div>
        <button type="button" className="button button-primary" onClick={() => profiles.getState().openNew()}>
          <Plus size={14} aria-hidden />
          Add profile
        </button>
      </header>
      {loaded && list.length === 0 && (
        <div className="empty-state small profiles-empty">
          <p>
            No connection profiles yet. Add one for your Capillary org (cluster, org id, till or OAuth client), or
            rehearse offline against a local sandbox that answers like Capillary.
          </p>
          {sandbox?.offer && (
            <div className="sandbox-offer-inline" role="group" aria-labelledby="sandbox-offer-title">
              <strong id="sandbox-offer-title">Rehearse offline with the sample project?</strong>
              <span>A local sandbox runs inside the studio, and a profile is made for it.</span>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={sandboxBusy}
                  onClick={() => void profiles.getState().startSandbox()}
                >
                  <FlaskConical size={14} aria-hidden />
                  Start local sandbox
                </button>
                <button type="button" className="button" onClick={() => void profiles.getState().dismissOffer()}>
                  Not now
                </button>
              </div>
            </div>
          )}
        </div>
      )}
      {list.length > 0 && (
        <ul className="profile-list" aria-label="Connection profiles">
          {list.map((profile) => (
            <ProfileCard key={profile.id} profile={profile} />
          ))}
        </ul>
      )}
      <div className="local-sandbox" aria-live="polite">
        <FlaskConical size={16} aria-hidden className="muted" />
        {sandbox?.running ? (
          <>
            <span>
              Local sandbox running at <span className="mono">{sandbox.baseUrl}</span> (till sandbox.till, password
              sandbox). It stops with the studio.
            </span>
            <button
              type="button"
              className="button"
              disabled={sandboxBusy}
              onClick={() => void profiles.getState().stopSandbox()}
            >
              Stop sandbox
            </button>
          </>
        ) : (
          <>
            <span>
              A local sandbox answers like Capillary, offline. Run one here, or{' '}
              <span className="mono">capmap sandbox</span> in a terminal.
            </span>
            {!(loaded && list.length === 0 && sandbox?.offer) && (
              <button
                type="button"
                className="button"
                disabled={sandboxBusy}
                onClick={() => void profiles.getState().startSandbox()}
              >
                Start local sandbox
              </button>
            )}
          </>
        )}
      </div>
      <ProfileFormDialog mode={appInfo?.mode} />
    </section>
  )
}
