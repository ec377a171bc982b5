import { Plus, Webhook } from 'lucide-react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { kindInfo } from './kindInfo'
import { useCaptureOnlyIds } from './useCaptureOnlyIds'
import { ListBox } from '../../ui/ListBox'

/** The project's integrations, selectable with the mouse or the arrow keys, and the way to the webhook settings. */
export function IntegrationList() {
  const { commands, integrations } = useStudio()
  const captureOnly = useCaptureOnlyIds()
  const items = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  const loaded = useStudioStore(
    (s) => s.integrations,
    (state) => state.loaded
  )
  const selectedId = useStudioStore(
    (s) => s.integrations,
    (state) => state.selectedId
  )
  const panel = useStudioStore(
    (s) => s.integrations,
    (state) => state.panel
  )
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const selected = panel === 'integration' ? selectedId : null

  const createNew = () => commands.getState().run('integrations.new')

  return (
    <section className="list-pane" aria-label="Integrations">
      <header className="pane-header">
        <h2>Integrations</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="New integration"
          title="New integration"
          disabled={readOnly}
          onClick={createNew}
        >
          <Plus size={16} />
        </button>
      </header>
      {loaded && items.length === 0 ? (
        <div className="empty-state small">
          <p>No integrations yet.</p>
          <p className="muted">
            An integration is an app that sends the brand’s events: WebEngage, or any other app (Custom) that posts
            webhooks. Add one, name the events it sends, and map each to an event of this project.
          </p>
          {!readOnly && (
            <button type="button" className="button button-primary" onClick={createNew}>
              <Plus size={14} /> New integration
            </button>
          )}
        </div>
      ) : (
        <ListBox
          label="Integrations"
          items={items}
          keyOf={(item) => item.id}
          selectedKey={selected}
          onSelect={(id) => void integrations.getState().select(id)}
        >
          {(item) => (
            <>
              <span className="list-item-title integration-name">{item.name}</span>
              <span className="list-item-meta">
                <span className="mono muted">/hooks/{item.slug}</span>
                {captureOnly.has(item.id) ? (
                  <span className="chip" title="Capillary notifications: captured, never mapped or relayed">
                    Capture only
                  </span>
                ) : (
                  <span className={`chip chip-kind-${item.kind}`}>{kindInfo[item.kind].label}</span>
                )}
              </span>
            </>
          )}
        </ListBox>
      )}
      <footer className="list-footer">
        <button
          type="button"
          className="list-footer-button"
          aria-current={panel === 'webhooks' ? 'page' : undefined}
          onClick={() => void integrations.getState().showWebhooks()}
        >
          <Webhook size={15} aria-hidden /> Capillary webhooks
        </button>
      </footer>
    </section>
  )
}
