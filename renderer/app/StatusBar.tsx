import { FileText, Lock, SquareTerminal } from 'lucide-react'
import type { AppInfo } from '../../shared/api/types'
import { CaptureRateSparkline } from '../features/captures/CaptureRateSparkline'
import { displayShortcut } from './commands'
import { ListenerStatus } from './ListenerStatus'
import { saveLabels, worstSaveState } from './saveStatus'
import { useStudioStore } from './StudioContext'

/** The project file, its save state, and how this studio runs. */
export function StatusBar({ appInfo, onOpenPalette }: { appInfo: AppInfo | null; onOpenPalette(): void }) {
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
  const saveState = worstSaveState([eventsSave, integrationsSave])
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
      {project && !project.readOnly && (
        <span className={`status-item save-${saveState}`} data-testid="status-save">
          {saveLabels[saveState]}
          {saveState === 'saved' && project.lastSavedAt
            ? ` · ${new Date(project.lastSavedAt).toLocaleTimeString()}`
            : ''}
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
