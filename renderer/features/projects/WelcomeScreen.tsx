import { FilePlus, FolderOpen } from 'lucide-react'
import { displayShortcut } from '../../app/commands'
import { useStudio, useStudioStore } from '../../app/StudioContext'

/** No project open: say what to do next. */
export function WelcomeScreen({ onOpenPalette }: { onOpenPalette(): void }) {
  const { commands, project, notifications } = useStudio()
  const recent = useStudioStore(
    (s) => s.project,
    (state) => state.recent
  )
  return (
    <div className="empty-state welcome">
      <h1>Capillary Mapping Studio</h1>
      <p>No project is open. A project is one file (*.capmap) holding your events, integrations and mappings.</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => commands.getState().run('project.new')}>
          <FilePlus size={15} /> New project
        </button>
        <button type="button" className="button" onClick={() => commands.getState().run('project.open')}>
          <FolderOpen size={15} /> Open project
        </button>
      </div>
      {recent.length > 0 && (
        <section className="recent" aria-label="Recent projects">
          <h2>Recent</h2>
          <ul>
            {recent.map((entry) => (
              <li key={entry.path}>
                <button
                  type="button"
                  className="link-button"
                  disabled={!entry.exists}
                  title={entry.path}
                  onClick={async () => {
                    const result = await project.getState().open(entry.path)
                    if (!result.ok) notifications.getState().reportError(result.error)
                  }}
                >
                  {entry.name}
                </button>
                <span className="muted"> {entry.path}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="muted">
        Every action is in the command palette: <kbd onClick={onOpenPalette}>{displayShortcut('Mod+Shift+P')}</kbd>
      </p>
    </div>
  )
}
