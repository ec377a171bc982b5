import { useEffect } from 'react'
import { useStudioStore } from '../../app/StudioContext'
import { RedactionForm } from './RedactionForm'
import { RetentionControl } from './RetentionControl'
import { SigningSecretForm } from './SigningSecretForm'
import { rulesOf } from './store'
import { VerificationForm } from './VerificationForm'
import { useListenerSettings } from './useListenerSettings'
import './listener.css'

/**
 * An integration's capture rules, in its editor: how the listener verifies its requests (and the signing secret),
 * what it redacts before storing them, and how long it keeps them. Each part saves on its own.
 */
export function CaptureRulesPanel({ integrationId, slug }: { integrationId: string; slug: string }) {
  const { listenerSettings, view, saving, refusals } = useListenerSettings()
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  // Main names secrets and paths by the saved slug: reload when it changes, as when another integration is shown.
  useEffect(() => {
    void listenerSettings.getState().load()
  }, [listenerSettings, integrationId, slug])

  const rules = rulesOf(view, integrationId)
  const store = listenerSettings.getState()
  return (
    <section aria-labelledby="capture-rules-heading" className="integration-section capture-rules">
      <header className="section-header">
        <h2 id="capture-rules-heading">Capture rules</h2>
      </header>
      {!rules || !view ? (
        <p className="section-note">The capture rules are set once the integration is saved.</p>
      ) : (
        <>
          <VerificationForm
            integrationId={integrationId}
            verification={rules.verification}
            disabled={readOnly}
            busy={saving[`verification:${integrationId}`] ?? false}
            refusal={refusals[`verification:${integrationId}`]}
            path={rules.path}
            secretSet={rules.secret.source !== null}
            onSave={(verification) => store.saveVerification(integrationId, verification)}
          />
          {/* Shown whatever the scheme: the secret can be set first, so turning verification on rejects nothing. */}
          <SigningSecretForm
            rules={rules}
            backend={view.secretBackend}
            disabled={readOnly}
            busy={saving[`secret:${integrationId}`] ?? false}
            refusal={refusals[`secret:${integrationId}`]}
            onSet={(secret) => store.setSecret(integrationId, secret)}
          />
          <RedactionForm
            integrationId={integrationId}
            redaction={rules.redaction}
            disabled={readOnly}
            busy={saving[`redaction:${integrationId}`] ?? false}
            refusal={refusals[`redaction:${integrationId}`]}
            onSave={(redaction) => store.saveRedaction(integrationId, redaction)}
          />
          <RetentionControl
            id={`retention-${integrationId}`}
            whose="this integration’s captures"
            retention={rules.retention}
            disabled={readOnly}
            busy={saving[`retention:${integrationId}`] ?? false}
            refusal={refusals[`retention:${integrationId}`]}
            onApply={(retention) => store.setRetention(integrationId, retention)}
          />
        </>
      )}
    </section>
  )
}
