import { KeyRound } from 'lucide-react'
import { useState } from 'react'
import type { IntegrationCaptureSettings, ListenerSettingsView } from '../../../shared/model/listenerSettings'

interface SigningSecretFormProps {
  rules: IntegrationCaptureSettings
  backend: ListenerSettingsView['secretBackend']
  disabled: boolean
  busy: boolean
  refusal: string | undefined
  /** Keeps the secret (null forgets it); answers whether it was kept. */
  onSet(secret: string | null): Promise<boolean>
}

function whereItIs(rules: IntegrationCaptureSettings): string {
  switch (rules.secret.source) {
    case 'encrypted':
      return 'Kept encrypted by your system’s keychain, in this studio only.'
    case 'memory':
      return 'Held in memory until the studio stops; set it again after a restart, or set the environment variable.'
    case 'environment':
      return `Read from the environment variable ${rules.secret.environmentVariable}.`
    case null:
      return rules.verification.scheme === 'none'
        ? 'Not set. Set it before turning verification on, so no request is rejected meanwhile.'
        : 'Not set: every request is rejected until it is.'
  }
}

/**
 * The integration's signing key, typed once and sent to the studio's secret store: it never enters the project, a
 * bundle, a capture or a log, and is never shown again.
 */
export function SigningSecretForm({ rules, backend, disabled, busy, refusal, onSet }: SigningSecretFormProps) {
  const [secret, setSecret] = useState('')
  const id = `signing-secret-${rules.integrationId}`
  const fromEnvironment = rules.secret.source === 'environment'
  return (
    <form
      className="capture-rules-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (secret === '') return
        void onSet(secret).then((kept) => kept && setSecret(''))
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={id}>
          Signing secret
        </label>
        <p
          className={`signing-secret-state${rules.secret.source === null && rules.verification.scheme !== 'none' ? ' missing' : ''}`}
          id={`${id}-state`}
        >
          <KeyRound size={13} aria-hidden /> {whereItIs(rules)}
        </p>
        <div className="capture-rules-inline">
          <input
            id={id}
            className="input mono"
            type="password"
            autoComplete="off"
            value={secret}
            disabled={disabled || fromEnvironment}
            placeholder={rules.secret.source ? 'type a new one to replace it' : 'the key the sender signs with'}
            aria-describedby={`${id}-state ${id}-note`}
            onChange={(event) => setSecret(event.target.value)}
          />
          <button type="submit" className="button" disabled={disabled || busy || secret === '' || fromEnvironment}>
            Keep secret
          </button>
          {rules.secret.source !== null && !fromEnvironment && (
            <button type="button" className="button" disabled={disabled || busy} onClick={() => void onSet(null)}>
              Forget
            </button>
          )}
        </div>
        <span className="field-hint" id={`${id}-note`}>
          {backend === 'safeStorage'
            ? 'Never kept in the project, a bundle, a capture or a log.'
            : `In web mode a typed secret lasts until the studio stops; ${rules.secret.environmentVariable} supplies it at start.`}
        </span>
        {refusal && (
          <span className="field-issues field-error" role="alert">
            {refusal}
          </span>
        )}
      </div>
    </form>
  )
}
