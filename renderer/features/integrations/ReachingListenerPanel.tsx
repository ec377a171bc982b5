import { useEffect, useState } from 'react'
import type { IntegrationDraft } from '../../../shared/model/integration'
import type { Verification } from '../../../shared/model/listenerSettings'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { rulesOf } from '../listener/store'
import { useListenerSettings } from '../listener/useListenerSettings'

/**
 * The panel's view of main's answers: the tunnel's URL (kept in the project), and how this integration signs, read
 * from the listener settings store that Capture rules saves through, so a scheme just saved shows here at once.
 */
function useListenerReach(integrationId: string | null) {
  const { api, notifications } = useStudio()
  const { listenerSettings, view } = useListenerSettings()
  const [publicUrl, setPublicUrl] = useState<string | null>(null)
  const [captureOnly, setCaptureOnlyState] = useState(false)
  useEffect(() => {
    let current = true
    void api.listCaptureOnlyIntegrations().then((result) => {
      if (current && result.ok) setCaptureOnlyState(integrationId !== null && result.value.includes(integrationId))
    })
    void api.getPublicUrl().then((result) => current && result.ok && setPublicUrl(result.value.publicUrl))
    void listenerSettings.getState().load()
    return () => {
      current = false
    }
  }, [api, integrationId, listenerSettings])
  const verification: Verification | null =
    integrationId === null ? null : (rulesOf(view, integrationId)?.verification ?? null)
  const save = async (url: string | null) => {
    const result = await api.setPublicUrl({ publicUrl: url })
    if (result.ok) setPublicUrl(result.value.publicUrl)
    else notifications.getState().reportError(result.error)
    return result.ok
  }
  const setCaptureOnly = async (on: boolean) => {
    if (integrationId === null) return
    const result = await api.setCaptureOnly({ integrationId, captureOnly: on })
    if (result.ok) setCaptureOnlyState(result.value.includes(integrationId))
    else notifications.getState().reportError(result.error)
  }
  return { publicUrl, verification, save, captureOnly, setCaptureOnly }
}

/**
 * Whether the integration is only captured (Capillary's own notifications), and, since cloud senders (WebEngage, a
 * hosted app) cannot post to 127.0.0.1, how to expose the listener through a tunnel the user already runs, where to
 * keep the address it gives, and the exact settings to paste into the sender.
 */
export function ReachingListenerPanel({
  integrationId,
  draft,
  slug
}: {
  integrationId: string | null
  draft: IntegrationDraft
  /** The slug the listener receives this integration's payloads at: as saved, or as typed once it can be. */
  slug: string
}) {
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const port = useStudioStore(
    (s) => s.listener,
    (state) => state.status?.port ?? null
  )
  const { publicUrl, verification, save, captureOnly, setCaptureOnly } = useListenerReach(integrationId)
  const [editing, setEditing] = useState<string | null>(null)
  const value = editing ?? publicUrl ?? ''
  const localPort = port ?? 4890
  const webhookUrl = `${publicUrl ?? 'https://<your tunnel address>'}/hooks/${slug}`

  return (
    <>
      <section aria-labelledby="integration-use-heading" className="integration-section">
        <header className="section-header">
          <h2 id="integration-use-heading">Mapping and relay</h2>
        </header>
        <label className="checkbox" style={{ whiteSpace: 'normal', alignItems: 'flex-start' }}>
          <input
            type="checkbox"
            checked={captureOnly}
            disabled={readOnly || integrationId === null}
            onChange={(event) => void setCaptureOnly(event.target.checked)}
          />{' '}
          Capture only: Capillary&apos;s own Event Notifications (pointsIssued, transactionAdded…) are watched in the
          Inbox, never mapped or relayed.
        </label>
      </section>
      <section aria-labelledby="integration-tunnel-heading" className="integration-section">
        <header className="section-header">
          <h2 id="integration-tunnel-heading">Reaching the listener from the cloud</h2>
        </header>
        <p className="section-note">
          {captureOnly ? 'Capillary' : draft.kind === 'webengage' ? 'WebEngage' : 'A hosted sender'} cannot post to
          127.0.0.1. Expose the listener with a tunnel you already have, for example <code>ngrok http {localPort}</code>{' '}
          or <code>cloudflared tunnel --url http://127.0.0.1:{localPort}</code>, then enter the https address it prints.
          Anyone with that address can send to this listener while the tunnel runs: turn signature verification on.
        </p>
        <form
          className="tunnel-form"
          onSubmit={(event) => {
            event.preventDefault()
            void save(value.trim() === '' ? null : value.trim()).then((saved) => saved && setEditing(null))
          }}
        >
          <label className="field">
            <span className="field-label">Public URL of the tunnel</span>
            <input
              className="input mono"
              type="url"
              placeholder="https://example.ngrok-free.app"
              value={value}
              disabled={readOnly}
              onChange={(event) => setEditing(event.target.value)}
            />
          </label>
          <button type="submit" className="button" disabled={readOnly || editing === null}>
            Save URL
          </button>
        </form>
        <dl className="facts tunnel-settings" aria-label="Webhook settings to paste">
          <dt>Webhook URL</dt>
          <dd className="mono">{webhookUrl}</dd>
          <dt>Method</dt>
          <dd className="mono">POST</dd>
          <dt>Content type</dt>
          <dd className="mono">application/json</dd>
          <dt>Signing</dt>
          <dd>{signingAdvice(draft, verification)}</dd>
          <dt>Event name field</dt>
          <dd className="mono">{draft.eventNameField}</dd>
          {captureOnly && (
            <>
              <dt>Where</dt>
              <dd>
                InTouch › Organization Settings › Event Notifications › New Webhook: this URL, then select the events to
                send. Headers you add there for authentication are stored masked when their names say token, secret or
                key.
              </dd>
            </>
          )}
          {!captureOnly && draft.kind === 'webengage' && (
            <>
              <dt>Where</dt>
              <dd>
                WebEngage › Data Platform › Integrations › Webhooks: an Events Webhook per event name, with this URL.
                WebEngage adds <span className="mono">eventType</span>, <span className="mono">licenseCode</span> and{' '}
                <span className="mono">secret</span> to it, and counts only HTTP 200 as delivered.
              </dd>
            </>
          )}
        </dl>
      </section>
    </>
  )
}

function signingAdvice(draft: IntegrationDraft, verification: Verification | null): string {
  switch (verification?.scheme) {
    case 'webengage':
      return 'Verified as WebEngage signs: give WebEngage the same webhook secret key this studio holds for the integration.'
    case 'hmac-sha256':
      return `The sender signs the raw body with HMAC-SHA256 and the shared key, sent as ${verification.prefix}<${verification.encoding}> in the ${verification.header} header.`
    case 'standard-webhooks':
      return 'The sender signs as Standard Webhooks does (webhook-id, webhook-timestamp, webhook-signature) with the whsec_ key.'
    default:
      return draft.kind === 'webengage'
        ? 'Not checked yet: choose WebEngage verification in Capture rules above before exposing the listener.'
        : 'Not checked yet: choose a signature scheme in Capture rules above before exposing the listener.'
  }
}
