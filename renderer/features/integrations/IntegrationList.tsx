import { Plus, Webhook } from 'lucide-react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { kindInfo } from './kindInfo'
import { useCaptureOnlyIds } from './useCaptureOnlyIds'
import { useNotificationsIntegrationCommand } from './useNotificationsIntegrationCommand'

const optionId = (id: string) => `integration-option-${id}`

/** The project's integrations, selectable with the mouse or the arrow keys, and the way to the webhook settings. */
export function IntegrationList() {
  const { commands, integrations } = useStudio()
  const captureOnly = useCaptureOnlyIds()
  useNotificationsIntegrationCommand()
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

  const moveSelection = (offset: number) => {
    const index = items.findIndex((integration) => integration.id === selected)
    const next = index === -1 ? items[0] : items[Math.min(items.length - 1, Math.max(0, index + offset))]
    if (next) void integrations.getState().select(next.id)
  }
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
        <ul
          className="list"
          role="listbox"
          aria-label="Integrations"
          tabIndex={0}
          aria-activedescendant={selected ? optionId(selected) : undefined}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') moveSelection(1)
            else if (event.key === 'ArrowUp') moveSelection(-1)
            else if (event.key === 'Home' && items[0]) void integrations.getState().select(items[0].id)
            else if (event.key === 'End' && items.at(-1)) void integrations.getState().select(items.at(-1)!.id)
            else return
            event.preventDefault()
          }}
        >
          {items.map((item) => (
            <li
              key={item.id}
              id={optionId(item.id)}
              role="option"
              aria-selected={item.id === selected}
              className="list-item"
              onClick={() => void integrations.getState().select(item.id)}
            >
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
            </li>
          ))}
        </ul>
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
