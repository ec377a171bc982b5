import { FileText, Lock, SquareTerminal } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import type { AppInfo } from '../../shared/api/types'
import { CaptureRateSparkline } from '../features/captures/CaptureRateSparkline'
import { displayShortcut } from './commands'
import { ListenerStatus } from './ListenerStatus'
import type { KeptDraft } from './keptDrafts'
import { integrationsWithDrafts } from '../features/listener/store'
import { savedFeedbackMs, saveStatusText, worstSaveState } from './saveStatus'
import { useStudio, useStudioStore } from './StudioContext'

const formatTime = (at: number) => new Date(at).toLocaleTimeString()

/** The project file, its save state, and how this studio runs. */
export function StatusBar({ appInfo, onOpenPalette }: { appInfo: AppInfo | null; onOpenPalette(): void }) {
  const stores = useStudio()
  const project = useStudioStore(
    (s) => s.project,
    (state) => state.project
  )
  const eventsSave = useStudioStore(
    (s) => s.events,
    (state) => state.saveState
  )
  const integrationsSave = useStudioStore(
    (s) => s.integrations,
    (state) => state.saveState
  )
  const mappingSave = useStudioStore(
    (s) => s.mapping,
    (state) => state.saveState
  )
  const keptEvents = useStudioStore(
    (s) => s.events,
    (state) => state.keptDrafts
  )
  const keptIntegrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.keptDrafts
  )
  const captureRuleDrafts = useStudioStore(
    (s) => s.listenerSettings,
    (state) => state.drafts
  )
  const integrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  const rulesNotSaved = integrationsWithDrafts(captureRuleDrafts, integrations)
  const saveState = worstSaveState([eventsSave, integrationsSave, mappingSave])
  // Items kept unsaved elsewhere make the whole "not saved", whatever the open editors' drafts are.
  const kept = { events: keptEvents.length, integrations: keptIntegrations.length, captureRules: rulesNotSaved.length }
  const shownState =
    kept.events + kept.integrations > 0
      ? worstSaveState([saveState, 'invalid'])
      : kept.captureRules > 0
        ? worstSaveState([saveState, 'pending'])
        : saveState
  const firstKept = firstKeptDraft(keptEvents, [...keptIntegrations, ...rulesNotSaved])
  const record = useStore(stores.saveRecord)
  const projectPath = project?.path ?? null

  // The time of the last save is the time an autosave landed, not the one read when the project opened.
  useEffect(() => {
    if (!projectPath) return
    const { events, integrations, mapping } = stores
    const landed = (state: { saveState: string }, previous: { saveState: string }) => {
      if (previous.saveState === 'saving' && state.saveState === 'saved')
        stores.saveRecord.getState().saved(projectPath, Date.now())
    }
    const unsubscribe = [events.subscribe(landed), integrations.subscribe(landed), mapping.subscribe(landed)]
    return () => unsubscribe.forEach((stop) => stop())
  }, [stores, projectPath])

  const ours = record.projectPath === projectPath
  const confirmedAt = ours ? record.confirmedAt : null
  // "Saved" shows for a moment after Save Now, then gives way to the usual text.
  const [faded, setFaded] = useState<number | null>(null)
  const justConfirmed = confirmedAt !== null && faded !== confirmedAt
  useEffect(() => {
    if (confirmedAt === null) return
    const timer = setTimeout(() => setFaded(confirmedAt), savedFeedbackMs - (Date.now() - confirmedAt))
    return () => clearTimeout(timer)
  }, [confirmedAt])

  const times = [project?.lastSavedAt ? Date.parse(project.lastSavedAt) : null, ours ? record.savedAt : null]
  const known = times.filter((time): time is number => time !== null && !Number.isNaN(time))
  const lastSavedAt = known.length > 0 ? Math.max(...known) : null

  return (
    <footer className="status-bar" aria-label="Status">
      {project ? (
        <span className="status-item" title={project.path} data-testid="status-project">
          <FileText size={13} /> {project.name}
          {project.readOnly && (
            <span className="badge" title={project.readOnlyReason}>
              <Lock size={11} /> read-only
            </span>
          )}
        </span>
      ) : (
        <span className="status-item">No project</span>
      )}
      {project && !project.readOnly && firstKept && (
        <button
          type="button"
          className={`status-item status-button save-${shownState}`}
          data-testid="status-save"
          title={`Open ${firstKept.name}: its changes are not saved`}
          onClick={() => {
            stores.navigation.getState().open(firstKept.screen)
            void stores[firstKept.screen].getState().select(firstKept.id)
          }}
        >
          {saveStatusText(saveState, lastSavedAt, justConfirmed, formatTime, kept)}
        </button>
      )}
      {project && !project.readOnly && !firstKept && (
        <span className={`status-item save-${saveState}`} data-testid="status-save">
          {saveStatusText(saveState, lastSavedAt, justConfirmed, formatTime)}
        </span>
      )}
      <ListenerStatus />
      {project && <CaptureRateSparkline />}
      <span className="status-spacer" />
      {appInfo && (
        <span className="status-item status-version">
          {appInfo.mode === 'web' ? 'Web mode' : 'Desktop'} · v{appInfo.version}
        </span>
      )}
      <button type="button" className="status-button" onClick={onOpenPalette} title="Command palette">
        <SquareTerminal size={12} aria-hidden /> {displayShortcut('Mod+Shift+P')}
      </button>
    </footer>
  )
}

/** The kept draft the status bar takes the user to: events first, then integrations. */
function firstKeptDraft(
  events: readonly KeptDraft[],
  integrations: readonly KeptDraft[]
): (KeptDraft & { screen: 'events' | 'integrations' }) | undefined {
  if (events[0]) return { ...events[0], screen: 'events' }
  if (integrations[0]) return { ...integrations[0], screen: 'integrations' }
  return undefined
}
