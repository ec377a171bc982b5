import { FlaskConical, Play, RefreshCw, Search, Settings } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { DisableEventDialog } from './DisableEventDialog'
import { DriftView } from './DriftView'
import { DryRunView } from './DryRunView'
import { lockOf } from './eventStanding'
import { NewVersionDialog } from './NewVersionDialog'
import { publishButton, sameEvents } from './publishButton'
import { PublishEventTable, type EventAction } from './PublishEventTable'
import { publishRows } from './publishRows'
import { PublishRunView } from './PublishRunView'
import type { PublishTab } from './store'
import { usePublishCommands } from './usePublishCommands'
import { useWatchPublished } from './useWatchPublished'
import './publish.css'

const tabs: { id: PublishTab; label: string }[] = [
  { id: 'publish', label: 'Publish' },
  { id: 'drift', label: 'Drift' }
]

/** Publish to Capillary per connection profile: standing, dry run first, a run with its steps, and the org's drift. */
export function PublishScreen() {
  const { publish, profiles, navigation } = useStudio()
  const profileList = useStudioStore(
    (s) => s.profiles,
    (state) => state.profiles
  )
  const profilesLoaded = useStudioStore(
    (s) => s.profiles,
    (state) => state.loaded
  )
  const sandboxBusy = useStudioStore(
    (s) => s.profiles,
    (state) => state.sandboxBusy
  )
  const sandboxProfileId = useStudioStore(
    (s) => s.profiles,
    (state) => state.sandbox?.profileId ?? null
  )
  const profileId = useStudioStore(
    (s) => s.publish,
    (state) => state.profileId
  )
  const tab = useStudioStore(
    (s) => s.publish,
    (state) => state.tab
  )

  useEffect(() => {
    void profiles.getState().load()
  }, [profiles])

  // The first profile is chosen until the user picks one; a deleted profile gives way to the first left.
  useEffect(() => {
    if (!profilesLoaded) return
    if (profileId && profileList.some((profile) => profile.id === profileId)) return
    void publish.getState().selectProfile(profileList[0]?.id ?? null)
  }, [profilesLoaded, profileList, profileId, publish])

  const profile = profileList.find((candidate) => candidate.id === profileId)
  usePublishCommands(profile?.name ?? null)

  if (profilesLoaded && profileList.length === 0) {
    return (
      <section className="editor-pane publish" aria-label="Publish">
        <h1>Publish</h1>
        <div className="empty-state">
          <p>No connection profile yet: publishing needs the org to publish to.</p>
          <p className="muted">
            Add your Capillary org in Settings › Connection profiles, or rehearse offline first: the built-in local
            sandbox answers like Capillary, and a profile is made for it.
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => navigation.getState().open('settings')}>
              <Settings size={14} aria-hidden /> Open Settings
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={sandboxBusy}
              onClick={() => void profiles.getState().startSandbox()}
            >
              <FlaskConical size={14} aria-hidden /> Start local sandbox
            </button>
          </div>
        </div>
      </section>
    )
  }

  return (
    <section className="editor-pane publish" aria-label="Publish">
      <header className="publish-header">
        <h1>Publish</h1>
        <label className="field publish-profile">
          <span className="field-label">Connection profile</span>
          <select
            className="input"
            value={profileId ?? ''}
            onChange={(event) => void publish.getState().selectProfile(event.target.value || null)}
          >
            {profileList.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name} (org {option.orgId})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="link-button" onClick={() => navigation.getState().open('settings')}>
          Manage profiles
        </button>
        {profile && sandboxProfileId !== profile.id && (
          <span className="muted publish-rehearse">
            To rehearse offline first, start the built-in local sandbox in Settings and choose its profile.
          </span>
        )}
      </header>
      <div className="tabs publish-tabs" role="tablist" aria-label="Publish views">
        {tabs.map((entry) => (
          <button
            key={entry.id}
            id={`publish-tab-${entry.id}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === entry.id}
            aria-controls="publish-tabpanel"
            onClick={() => publish.getState().showTab(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div id="publish-tabpanel" className="publish-body" role="tabpanel" aria-labelledby={`publish-tab-${tab}`}>
        {profile &&
          (tab === 'publish' ? <PublishPanel profileName={profile.name} /> : <DriftView profileName={profile.name} />)}
      </div>
    </section>
  )
}

/** The Publish tab: the events' standing, the dry run, then the run. */
function PublishPanel({ profileName }: { profileName: string }) {
  const { publish, navigation } = useStudio()
  const events = useStudioStore(
    (s) => s.events,
    (state) => state.events
  )
  const eventsLoaded = useStudioStore(
    (s) => s.events,
    (state) => state.loaded
  )
  const state = useStudioStore(
    (s) => s.publish,
    (current) => current.state
  )
  const choices = useStudioStore(
    (s) => s.publish,
    (current) => current.choices
  )
  const plan = useStudioStore(
    (s) => s.publish,
    (current) => current.plan
  )
  const planning = useStudioStore(
    (s) => s.publish,
    (current) => current.planning
  )
  const planUsed = useStudioStore(
    (s) => s.publish,
    (current) => current.planUsed
  )
  const confirmingPublish = useStudioStore(
    (s) => s.publish,
    (current) => current.confirmingPublish
  )
  const planError = useStudioStore(
    (s) => s.publish,
    (current) => current.planError
  )
  const run = useStudioStore(
    (s) => s.publish,
    (current) => current.run
  )
  const history = useStudioStore(
    (s) => s.publish,
    (current) => current.history
  )
  const starting = useStudioStore(
    (s) => s.publish,
    (current) => current.starting
  )
  const checking = useStudioStore(
    (s) => s.publish,
    (current) => current.checking
  )
  const busyEventId = useStudioStore(
    (s) => s.publish,
    (current) => current.busyEventId
  )
  const [dialog, setDialog] = useState<{ action: EventAction; eventId: string } | null>(null)

  // Publish state is kept under the profile's name (PublishTarget.key).
  const profileKey = profileName
  const rows = useMemo(() => publishRows(events, profileKey, state, choices), [events, profileKey, state, choices])
  const included = rows.filter((row) => row.included).map((row) => row.event.id)
  const onOrg = useMemo(
    () => new Set(plan?.events.filter((event) => event.remote.state !== 'absent').map((event) => event.eventId)),
    [plan]
  )
  const publishAction = publishButton(plan, planUsed, included)
  const runHere = run && (run.target.profileId === null || run.target.key === profileKey) ? run : null
  const running = runHere?.running ?? false
  const dialogEvent = dialog && events.find((event) => event.id === dialog.eventId)
  const waitingForInTouch = rows.some((row) => row.standing === 'verified')
  useWatchPublished(waitingForInTouch && !running)

  // Another screen may send the user here for one event: it goes into the dry run.
  useEffect(() => {
    const target = navigation.getState().takeTarget()
    if (target?.id) publish.getState().choose(target.id, true)
  }, [navigation, publish])

  if (eventsLoaded && events.length === 0) {
    return (
      <div className="empty-state">
        <p>No events to publish yet.</p>
        <p className="muted">
          Design an event in Events, map an integration onto it, and make it Tested in Tests: then publish it here.
        </p>
        <button type="button" className="button" onClick={() => navigation.getState().open('events')}>
          Open Events
        </button>
      </div>
    )
  }

  return (
    <>
      <p className="muted publish-intro">
        A publish sends each event’s definition to {profileName}, makes sure its integrations’ webhooks exist, writes
        the adapter mapping where Capillary’s adapter can do the mapping (else the studio relays), test-posts and reads
        Capillary’s logs. The dry run shows all of it first, and changes nothing.
      </p>
      {!rows.some((row) => row.standing !== 'draft') && (
        <p className="banner" role="status">
          <span>Only Tested events can be published, and none is Tested yet: prove their mappings in Tests first.</span>
          <button type="button" className="button" onClick={() => navigation.getState().open('tests')}>
            Open Tests
          </button>
        </p>
      )}
      <PublishEventTable
        rows={rows}
        profileKey={profileKey}
        profileName={profileName}
        onOrg={onOrg}
        busyEventId={busyEventId}
        onInclude={(eventId, value) => publish.getState().choose(eventId, value)}
        onAction={(action, eventId) => setDialog({ action, eventId })}
      />
      <div className="button-row publish-actions">
        <button
          type="button"
          className={plan ? 'button' : 'button button-primary'}
          disabled={included.length === 0 || planning || running}
          onClick={() => void publish.getState().dryRun(included)}
        >
          <Search size={14} aria-hidden />
          {planning ? 'Reading the org…' : plan ? 'Dry run again' : `Dry run (${included.length})`}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!publishAction.enabled || starting || running}
          title={publishAction.reason ?? undefined}
          onClick={() => publish.getState().askToPublish()}
        >
          <Play size={14} aria-hidden />
          {publishAction.label}
        </button>
        {confirmingPublish && publishAction.enabled && (
          <ConfirmDialog
            title={`${publishAction.label} to ${profileName}?`}
            message={`This writes to the org ${profileName} connects to, as the dry run showed: event definitions, webhooks and mappings. Published, an event's attributes can no longer be edited or removed there.`}
            confirmLabel={publishAction.label}
            onConfirm={() => void publish.getState().publish()}
            onCancel={() => publish.getState().closePublishQuestion()}
          />
        )}
        {waitingForInTouch && (
          <button
            type="button"
            className="button"
            disabled={checking}
            onClick={() => void publish.getState().checkPublished()}
          >
            <RefreshCw size={14} aria-hidden /> {checking ? 'Checking…' : 'Check whether published'}
          </button>
        )}
        {!plan && included.length > 0 && <span className="muted">The dry run comes first: it changes nothing.</span>}
        {plan && planUsed && !running && (
          <span className="muted">The org changed with that publish: dry run again before the next one.</span>
        )}
        {plan && !planUsed && !sameEvents(plan, included) && (
          <span className="muted">The choice changed since the dry run: dry run again to publish it.</span>
        )}
      </div>
      {planError && (
        <p className="field-error plan-error" role="alert">
          The dry run could not read the org: {planError}
        </p>
      )}
      {runHere && (
        <PublishRunView
          run={runHere}
          history={history}
          eventName={(eventId) => events.find((event) => event.id === eventId)?.name ?? eventId}
          isLocked={(eventId) => {
            const event = events.find((candidate) => candidate.id === eventId)
            return Boolean(event && lockOf(event, profileKey))
          }}
          lastVerdict={(eventId) => state?.events.find((entry) => entry.eventId === eventId)?.lastVerdict ?? null}
          profileName={profileName}
          checking={checking}
          busyEventId={busyEventId}
          onCancel={() => void publish.getState().cancel()}
          onCheckAgain={() => void publish.getState().checkPublished()}
          onMarkPublished={(eventId) => setDialog({ action: 'mark', eventId })}
        />
      )}
      {plan && <DryRunView plan={plan} used={planUsed} />}
      {dialog?.action === 'mark' && dialogEvent && (
        <ConfirmDialog
          title={`Mark ${dialogEvent.name} as published on ${profileName}?`}
          message={
            'Do this once InTouch shows it Published. The studio then locks it for this org: Capillary no longer lets ' +
            'its fields change, so a change will need a new version.'
          }
          confirmLabel="Mark as published"
          onCancel={() => setDialog(null)}
          onConfirm={() => {
            setDialog(null)
            void publish.getState().markPublished(dialogEvent.id)
          }}
        />
      )}
      {dialog?.action === 'newVersion' && dialogEvent && (
        <NewVersionDialog
          eventName={dialogEvent.name}
          projectEventNames={events.map((event) => event.name)}
          busy={busyEventId === dialogEvent.id}
          onCancel={() => setDialog(null)}
          onConfirm={(name) =>
            void publish
              .getState()
              .newVersion(dialogEvent.id, name)
              .then((done) => done && setDialog(null))
          }
        />
      )}
      {dialog?.action === 'disable' && dialogEvent && (
        <DisableEventDialog
          eventName={dialogEvent.name}
          profileName={profileName}
          busy={busyEventId === dialogEvent.id}
          onCancel={() => setDialog(null)}
          onConfirm={(confirmName) =>
            void publish
              .getState()
              .disable(dialogEvent.id, confirmName)
              .then((done) => done && setDialog(null))
          }
        />
      )}
    </>
  )
}
