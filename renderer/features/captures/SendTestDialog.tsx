import { Send } from 'lucide-react'
import { useEffect, useMemo, useState } from 'react'
import { decodeJson } from '../../../shared/engine/decode/decodeJson'
import { mediaType } from '../../../shared/engine/decode/mediaType'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'

const contentTypes = [
  { value: 'application/json', label: 'JSON' },
  { value: 'application/x-www-form-urlencoded', label: 'Form (urlencoded)' },
  { value: 'application/xml', label: 'XML' },
  { value: 'text/plain', label: 'Text' }
] as const

const pasted = ''

/** Sends a shipped or saved sample, or a pasted payload, to an integration's listener path over real HTTP. */
export function SendTestDialog({ onClose }: { onClose(): void }) {
  const { captures } = useStudio()
  const integrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  const samples = useStudioStore(
    (s) => s.captures,
    (state) => state.samples
  )
  const sending = useStudioStore(
    (s) => s.captures,
    (state) => state.sending
  )
  const listening = useStudioStore(
    (s) => s.listener,
    (state) => state.status?.state === 'listening'
  )
  // The integration the inbox is filtered on, else that of the capture open, else the first: one that still exists.
  const [integrationId, setIntegrationId] = useState(() => {
    const { filter, detail } = captures.getState()
    const existing = [filter.integrationId, detail?.integrationId].find((id) =>
      integrations.some((integration) => integration.id === id)
    )
    return existing ?? integrations[0]?.id ?? ''
  })
  const [sampleId, setSampleId] = useState(pasted)
  const [contentType, setContentType] = useState<string>('application/json')
  const [body, setBody] = useState('')
  const [signed, setSigned] = useState(true)
  /** The user chose to send this body although it is not JSON (to see the listener refuse it). */
  const [sendInvalid, setSendInvalid] = useState(false)
  const jsonProblem = useMemo(() => {
    if (mediaType(contentType).kind !== 'json' || body.trim() === '') return null
    const decoded = decodeJson(body)
    return decoded.ok ? null : decoded.error
  }, [contentType, body])
  const editBody = (next: string) => {
    setBody(next)
    setSendInvalid(false)
  }
  useEffect(() => {
    void captures.getState().loadSamples()
  }, [captures])

  const pick = (id: string) => {
    setSampleId(id)
    const sample = samples.find((candidate) => candidate.id === id)
    if (!sample) return
    editBody(sample.body)
    setContentType(sample.contentType.split(';')[0]?.trim() || 'application/json')
    if (sample.integrationId) setIntegrationId(sample.integrationId)
  }
  const send = async () => {
    await captures.getState().sendTest({ integrationId, contentType, body, signed })
    onClose()
  }
  const problem =
    integrations.length === 0
      ? 'Create an integration first: a test payload goes to its listener path.'
      : !listening
        ? 'The listener is off: start it from the status bar.'
        : body.trim() === ''
          ? 'Pick a sample or paste a payload.'
          : null
  const blocked = problem !== null || (jsonProblem !== null && !sendInvalid)
  return (
    <Dialog
      title="Send a test payload"
      description="Posted over real HTTP to the running listener, exactly as a sender would: it is verified and captured."
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={blocked || sending}
            onClick={() => void send()}
          >
            <Send size={14} /> {jsonProblem !== null && sendInvalid ? 'Send invalid JSON' : 'Send'}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <div className="field">
          <label className="field-label" htmlFor="send-test-integration">
            Integration
          </label>
          <select
            id="send-test-integration"
            className="input"
            value={integrationId}
            onChange={(event) => setIntegrationId(event.target.value)}
          >
            {integrations.map((integration) => (
              <option key={integration.id} value={integration.id}>
                {integration.name} (/hooks/{integration.slug})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="send-test-sample">
            Sample
          </label>
          <select
            id="send-test-sample"
            className="input"
            value={sampleId}
            onChange={(event) => pick(event.target.value)}
          >
            <option value={pasted}>Paste your own</option>
            {samples.map((sample) => (
              <option key={sample.id} value={sample.id}>
                {sample.origin === 'saved' ? `Saved: ${sample.name}` : `Shipped: ${sample.name}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="send-test-content-type">
            Content type
          </label>
          <select
            id="send-test-content-type"
            className="input"
            value={contentType}
            onChange={(event) => {
              setContentType(event.target.value)
              setSendInvalid(false)
            }}
          >
            {contentTypes.map((type) => (
              <option key={type.value} value={type.value}>
                {type.label} ({type.value})
              </option>
            ))}
          </select>
        </div>
        <label className="checkbox capture-wrapping-checkbox">
          <input type="checkbox" checked={signed} onChange={(event) => setSigned(event.target.checked)} /> Sign it with
          the integration&apos;s local secret (when it checks signatures)
        </label>
        <div className="field span-2">
          <label className="field-label" htmlFor="send-test-payload">
            Payload
          </label>
          <textarea
            id="send-test-payload"
            className="input mono capture-payload"
            rows={12}
            value={body}
            spellCheck={false}
            aria-invalid={jsonProblem !== null ? true : undefined}
            aria-describedby={jsonProblem !== null ? 'send-test-json-problem' : undefined}
            onChange={(event) => {
              editBody(event.target.value)
              setSampleId(pasted)
            }}
          />
        </div>
      </div>
      {jsonProblem !== null && (
        <div className="capture-warning capture-send-invalid" role="alert">
          <p id="send-test-json-problem">
            This payload is not valid JSON, though it is sent as {contentType}: {jsonProblem}.
          </p>
          <label className="checkbox capture-wrapping-checkbox">
            <input type="checkbox" checked={sendInvalid} onChange={(event) => setSendInvalid(event.target.checked)} />
            Send it anyway, to see how the listener answers invalid JSON (it refuses it with 400 and captures it as
            invalid)
          </label>
        </div>
      )}
      {problem && <p className="field-hint">{problem}</p>}
    </Dialog>
  )
}
