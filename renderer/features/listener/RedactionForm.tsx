import { Redaction } from '../../../shared/model/listenerSettings'
import { useKeptDraft } from './useKeptDraft'

interface RedactionDraft {
  enabled: boolean
  /** One per line, as typed. */
  paths: string
  keyNames: string
  emails: boolean
  phoneNumbers: boolean
  cardNumbers: boolean
}

const draftOf = (redaction: Redaction): RedactionDraft => ({
  ...redaction,
  paths: redaction.paths.join('\n'),
  keyNames: redaction.keyNames.join('\n')
})

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')

const shapeLabels = {
  emails: 'Email addresses',
  phoneNumbers: 'Phone numbers',
  cardNumbers: 'Card numbers'
} as const

interface RedactionFormProps {
  integrationId: string
  redaction: Redaction
  disabled: boolean
  busy: boolean
  refusal: string | undefined
  /** Answers whether it was saved. */
  onSave(redaction: Redaction): Promise<boolean>
}

/**
 * What is blanked out of a capture before it is stored, off by default: values at paths, under sensitive key names,
 * and shaped like emails, phone numbers or card numbers. A redacted capture can no longer be replayed byte for byte.
 */
export function RedactionForm({ integrationId, redaction, disabled, busy, refusal, onSave }: RedactionFormProps) {
  const { draft, edit, reset } = useKeptDraft(`redaction:${integrationId}`, draftOf(redaction))
  const parsed = Redaction.safeParse({ ...draft, paths: lines(draft.paths), keyNames: lines(draft.keyNames) })
  const problem = parsed.success ? undefined : 'Keep to 100 lines of at most 200 characters (key names: 100).'
  const changed = parsed.success && JSON.stringify(parsed.data) !== JSON.stringify(redaction)
  const id = (field: string) => `redaction-${field}-${integrationId}`

  return (
    <form
      className="capture-rules-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (parsed.success && changed) void onSave(parsed.data).then((saved) => saved && reset())
      }}
    >
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.enabled}
          disabled={disabled}
          onChange={(event) => edit({ enabled: event.target.checked })}
        />
        Redact personal data before storing captures
      </label>
      <span className="field-hint">
        The stored body is the redacted one, marked as such; it can no longer be replayed byte for byte. The signature
        is checked before redaction.
      </span>
      {draft.enabled && (
        <div className="form-grid">
          <div className="field">
            <label className="field-label" htmlFor={id('paths')}>
              Paths, one per line
            </label>
            <textarea
              id={id('paths')}
              className="input mono"
              rows={4}
              value={draft.paths}
              disabled={disabled}
              spellCheck={false}
              placeholder={'customer.email\nitems[*].card'}
              onChange={(event) => edit({ paths: event.target.value })}
            />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={id('keys')}>
              Key names, one per line
            </label>
            <textarea
              id={id('keys')}
              className="input mono"
              rows={4}
              value={draft.keyNames}
              disabled={disabled}
              spellCheck={false}
              onChange={(event) => edit({ keyNames: event.target.value })}
            />
          </div>
          <fieldset className="settings-group span-2" disabled={disabled}>
            <legend>Values shaped like</legend>
            {(Object.keys(shapeLabels) as (keyof typeof shapeLabels)[]).map((shape) => (
              <label key={shape} className="checkbox">
                <input
                  type="checkbox"
                  checked={draft[shape]}
                  onChange={(event) => edit({ [shape]: event.target.checked })}
                />
                {shapeLabels[shape]}
              </label>
            ))}
          </fieldset>
        </div>
      )}
      {(problem ?? refusal) && (
        <span className="field-issues field-error" role="alert">
          {problem ?? refusal}
        </span>
      )}
      <div className="capture-rules-actions">
        <button type="submit" className="button" disabled={disabled || busy || !changed}>
          {busy ? 'Saving…' : 'Save redaction'}
        </button>
      </div>
    </form>
  )
}
