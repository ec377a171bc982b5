import { useState } from 'react'
import { TransformerType, type WebhookAuth, type WebhookSettings } from '../../../shared/model/webhookSettings'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { FieldMessages } from './FieldMessages'
import { kindInfo, kindOfTransformer, transformerLabels } from './kindInfo'

const authOptions: { value: WebhookAuth; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'BASIC', label: 'Basic (till code and password)' },
  { value: 'OAUTH', label: 'OAuth (till credentials for a token)' }
]

const saveLabels = { saved: 'Saved', pending: 'Unsaved changes…', saving: 'Saving…', failed: 'Not saved' } as const

const defaults = (transformer: TransformerType): WebhookSettings => ({
  transformer,
  tillCode: '',
  auth: 'none',
  uniquenessCheckEnabled: false
})

/** The project's Capillary webhooks: one per transformer in an org (notes §5), shared by its kind's integrations. */
export function WebhooksPanel() {
  return (
    <section className="editor-pane" aria-labelledby="webhooks-heading">
      <header className="editor-header">
        <div>
          <h1 id="webhooks-heading">Capillary webhooks</h1>
          <span className="muted">
            An org has one webhook per transformer: every integration of a kind sends through its transformer’s webhook.
          </span>
        </div>
      </header>
      <div className="editor-body webhook-cards">
        {TransformerType.options.map((transformer) => (
          <WebhookCard key={transformer} transformer={transformer} />
        ))}
      </div>
    </section>
  )
}

function WebhookCard({ transformer }: { transformer: TransformerType }) {
  const { integrations } = useStudio()
  const saved = useStudioStore(
    (s) => s.integrations,
    (state) => state.webhooks.find((settings) => settings.transformer === transformer)
  )
  const draft = useStudioStore(
    (s) => s.integrations,
    (state) => state.webhookDrafts[transformer]
  )
  const saveState = useStudioStore(
    (s) => s.integrations,
    (state) => state.webhookSaveStates[transformer] ?? 'saved'
  )
  const refusal = useStudioStore(
    (s) => s.integrations,
    (state) => state.webhookErrors[transformer]
  )
  const all = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const [confirmUniqueness, setConfirmUniqueness] = useState(false)

  const settings = draft ?? saved ?? defaults(transformer)
  const kind = kindOfTransformer[transformer]
  const users = all.filter((integration) => integration.kind === kind)
  const edit = (patch: Partial<WebhookSettings>) => integrations.getState().editWebhook({ ...settings, ...patch })
  const saveUniqueness = (on: boolean) => {
    edit({ uniquenessCheckEnabled: on })
    void integrations.getState().flushWebhooks()
  }
  const id = (part: string) => `webhook-${transformer}-${part}`

  return (
    <article className="webhook-card" aria-labelledby={id('title')} data-testid={`webhook-${transformer}`}>
      <header className="webhook-card-header">
        <div>
          <h2 id={id('title')} className="webhook-card-title">
            {transformerLabels[transformer]}
          </h2>
          <span className="mono muted">{transformer}</span>
        </div>
        <span
          className={`chip ${saveState === 'failed' ? 'chip-error' : saveState === 'saved' ? 'chip-ok' : 'chip-draft'}`}
          role="status"
        >
          {saveLabels[saveState]}
        </span>
      </header>
      <p className="webhook-card-users">
        {users.length > 0
          ? `Shared by ${users.length === 1 ? 'one integration' : `${users.length} integrations`}: ${users.map((integration) => integration.name).join(', ')}.`
          : `No integration uses it yet: ${kindInfo[kind].label} integrations will.`}
      </p>
      <fieldset className="webhook-fields" disabled={readOnly}>
        <div className="field">
          <label className="field-label" htmlFor={id('till')}>
            Till code
          </label>
          <input
            id={id('till')}
            className="input mono"
            value={settings.tillCode}
            spellCheck={false}
            maxLength={100}
            aria-describedby={id('till-note')}
            onChange={(event) => edit({ tillCode: event.target.value })}
          />
          <span id={id('till-note')}>
            {settings.tillCode.trim() === '' ? (
              <FieldMessages
                issues={[{ severity: 'warning', message: 'Capillary needs a till code to create the webhook.' }]}
              />
            ) : (
              <span className="field-hint">
                Events are tagged with this till unless they carry a Till Code attribute of their own.
              </span>
            )}
          </span>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('auth')}>
            Authentication
          </label>
          <select
            id={id('auth')}
            className="input"
            value={settings.auth}
            aria-describedby={id('auth-note')}
            onChange={(event) => edit({ auth: event.target.value as WebhookAuth })}
          >
            {authOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <span className="field-hint" id={id('auth-note')}>
            {settings.auth === 'none'
              ? 'Anyone with the webhook URL can post to it.'
              : 'Posts carry the till’s credentials; passwords and secrets never enter the project file.'}
          </span>
        </div>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.uniquenessCheckEnabled}
              aria-describedby={id('uniqueness-note')}
              onChange={(event) => (event.target.checked ? setConfirmUniqueness(true) : saveUniqueness(false))}
            />
            Uniqueness check
          </label>
          <span id={id('uniqueness-note')}>
            {refusal ? (
              <FieldMessages issues={[{ severity: 'error', message: refusal }]} />
            ) : (
              <span className="field-hint">
                Capillary flags a repeated event (same event, customer and unique-key attributes) as a duplicate, and
                Loyalty does not reward it. Irreversible on Capillary: once on, it stays on for every event of the org.
              </span>
            )}
          </span>
        </div>
      </fieldset>
      {confirmUniqueness && (
        <Dialog
          title="Turn on the uniqueness check?"
          description={`Capillary cannot turn it off again: once the ${transformerLabels[transformer]} webhook checks uniqueness, every event of the org needs its unique-key attributes, and the studio will not let you turn it off either.`}
          onClose={() => setConfirmUniqueness(false)}
          footer={
            <>
              <button type="button" className="button" autoFocus onClick={() => setConfirmUniqueness(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  setConfirmUniqueness(false)
                  saveUniqueness(true)
                }}
              >
                Turn on for good
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
    </article>
  )
}
