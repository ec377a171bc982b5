import { Copy, FilePen, FlaskConical, GitBranch, Play, Save, Send, ShieldCheck, Trash2 } from 'lucide-react'
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CaptureView } from '../../../shared/model/captureInbox'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { formatBytes } from '../../../shared/model/formatBytes'
import { headerText } from '../../../shared/model/headerText'
import { previewOf } from './bodyPreview'
import { CaptureBodyView } from './CaptureBodyView'
import { DriftWarning } from './DriftWarning'
import { copyCaptureAsCurl } from './copyCaptureAsCurl'
import { ShapePanel } from './ShapePanel'
import { whyNotSigned } from './whyNotSigned'

type Tab = 'body' | 'raw' | 'headers' | 'query' | 'signature' | 'shape'

const tabLabels: Record<Tab, string> = {
  body: 'Body',
  raw: 'Raw',
  headers: 'Headers',
  query: 'Query',
  signature: 'Signature',
  shape: 'Shape'
}

interface CaptureDetailPaneProps {
  onEdit(): void
  onSaveSample(): void
}

/** The selected capture: body in Monaco, raw bytes, headers, query, signature verdict, shape; and its actions. */
export function CaptureDetailPane({ onEdit, onSaveSample }: CaptureDetailPaneProps) {
  const { captures, navigation } = useStudio()
  const detail = useStudioStore(
    (s) => s.captures,
    (state) => state.detail
  )
  const detailStatus = useStudioStore(
    (s) => s.captures,
    (state) => state.detailStatus
  )
  const selectedId = useStudioStore(
    (s) => s.captures,
    (state) => state.selectedId
  )
  const shape = useStudioStore(
    (s) => s.captures,
    (state) => state.shape
  )
  const [tab, setTab] = useState<Tab>('body')
  const integrationId = detail?.integrationId ?? null
  useEffect(() => {
    void captures.getState().loadShape(integrationId)
  }, [captures, integrationId])

  if (selectedId === null) {
    return (
      <section className="editor-pane" aria-label="Capture">
        <div className="empty-state">
          <p>
            Select a capture to see its body, headers and signature, replay it through the mapping or send it again.
          </p>
          <p className="muted">
            Arrow keys move through the list, Enter opens the body, Delete deletes (Ctrl+Z undoes).
          </p>
        </div>
      </section>
    )
  }
  if (detailStatus === 'missing') {
    return (
      <section className="editor-pane" aria-label="Capture">
        <div className="empty-state">
          <p>That capture no longer exists: it was deleted, or removed by its retention. Select another one.</p>
        </div>
      </section>
    )
  }
  if (!detail || detail.id !== selectedId) {
    return <section className="editor-pane" aria-label="Capture" aria-busy="true" />
  }
  const title = `${detail.method} ${detail.path}`
  return (
    <section className="editor-pane capture-detail" aria-label={`Capture ${detail.id}`}>
      {/* The actions right under the one-line title: facts of any length below them never move them. */}
      <header className="editor-header capture-detail-header">
        <h1 title={title}>{title}</h1>
        <CaptureActions detail={detail} onEdit={onEdit} onSaveSample={onSaveSample} />
        <p className="muted capture-facts">
          #{detail.id} · {new Date(detail.receivedAt).toLocaleString()} · {detail.contentType ?? 'no content type'} ·{' '}
          {formatBytes(detail.size)} · answered {detail.responseStatus}
          {detail.statusReason ? ` · ${detail.statusReason}` : ''}
        </p>
      </header>
      {shape && shape.integrationId === detail.integrationId && shape.drift[0]?.captureId === detail.id && (
        <div className="capture-drift-slot">
          <DriftWarning
            shape={shape}
            onCheckMapping={() => navigation.getState().open('mapping', { with: { captureId: detail.id } })}
          />
        </div>
      )}
      <div className="tabs capture-tabs" role="tablist" aria-label="Capture views">
        {(Object.keys(tabLabels) as Tab[]).map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === key}
            onClick={() => setTab(key)}
          >
            {tabLabels[key]}
          </button>
        ))}
      </div>
      <div className="capture-tab-body" role="tabpanel" aria-label={tabLabels[tab]}>
        {tab === 'body' && <BodyTab detail={detail} />}
        {tab === 'raw' && <RawTab detail={detail} />}
        {tab === 'headers' && (
          <PairsTable
            label="Headers"
            pairs={detail.headers.map(([name, value]) => [name, headerText(value)])}
            empty="No headers."
          />
        )}
        {tab === 'query' && (
          <PairsTable label="Query parameters" pairs={detail.query} empty="This request had no query string." />
        )}
        {tab === 'signature' && <SignatureTab detail={detail} />}
        {tab === 'shape' && (
          <ShapePanel
            integrationId={detail.integrationId}
            onOpenCapture={(id) => void captures.getState().select(id)}
          />
        )}
      </div>
    </section>
  )
}

/** A button's tooltip: what it does, and why it cannot now when it is disabled (it keeps its place, saying why). */
const actionTitle = (does: string, unavailable: string | null) =>
  unavailable ? `${does}. Unavailable: ${unavailable}` : does

/** An icon button of the capture's actions, named by `label`; disabled, its tooltip says why. */
function IconAction({
  label,
  does,
  unavailable,
  onClick,
  children
}: {
  label: string
  does: string
  unavailable: string | null
  onClick(): void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={actionTitle(does, unavailable)}
      disabled={unavailable !== null}
      onClick={onClick}
    >
      {children}
    </button>
  )
}

/**
 * The capture's actions: the same buttons in the same places for every capture, so going through the list never
 * moves one under the pointer; an action that does not apply is disabled and its tooltip says why.
 */
function CaptureActions({
  detail,
  onEdit,
  onSaveSample
}: {
  detail: CaptureView
  onEdit(): void
  onSaveSample(): void
}) {
  const { captures, navigation, notifications, listener } = useStudio()
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const replaying = useStudioStore(
    (s) => s.captures,
    (state) => state.replaying
  )
  const sending = useStudioStore(
    (s) => s.captures,
    (state) => state.sending
  )
  const [curl, setCurl] = useState<string | null>(null)
  const noBody = detail.hasBody
    ? null
    : detail.bodyKind === 'none'
      ? 'its body was not kept.'
      : 'this request had an empty body.'
  const noIntegration = detail.integrationId === null ? 'it matched no integration.' : null
  const projectReadOnly = readOnly ? 'the project is open read-only.' : null
  const unavailable = {
    replay: noBody,
    edit: noBody,
    resend: noBody,
    resendSigned: noBody ?? whyNotSigned(detail),
    saveSample: projectReadOnly ?? noBody,
    saveTestCase: projectReadOnly ?? noBody ?? noIntegration,
    discard: projectReadOnly
  }
  // Busy with its own work, a button stays focusable (aria-disabled, its click ignored): disabled, it would drop the
  // keyboard focus to the page, and the dialog its answer opens could not give it back.
  const busy = (running: boolean, what: string) =>
    running ? { 'aria-disabled': true as const, title: `Not now: ${what}` } : {}
  return (
    <div className="capture-actions" role="group" aria-label="Capture actions">
      {curl !== null && (
        <Dialog
          title="Copy as curl"
          description="This browser refused the clipboard: copy the command from here."
          onClose={() => setCurl(null)}
          wide
        >
          <textarea className="input mono capture-curl" readOnly value={curl} aria-label="curl command" rows={10} />
        </Dialog>
      )}
      <div className="capture-action-group">
        <button
          type="button"
          className="button button-primary"
          disabled={unavailable.replay !== null}
          title={actionTitle("Run this capture through its integration's mappings", unavailable.replay)}
          {...busy(replaying, 'a replay is running.')}
          onClick={() => !replaying && void captures.getState().replaySelected()}
        >
          <Play size={14} /> Replay
        </button>
        <button
          type="button"
          className="button"
          disabled={unavailable.edit !== null}
          onClick={onEdit}
          title={actionTitle('Edit the body, then replay or send it', unavailable.edit)}
        >
          <FilePen size={14} /> Edit & replay
        </button>
        <button
          type="button"
          className="button"
          disabled={unavailable.resend !== null}
          title={actionTitle('Send the stored headers and bytes to the listener again', unavailable.resend)}
          {...busy(sending, 'a request is being sent.')}
          onClick={() => !sending && void captures.getState().resendSelected('original')}
        >
          <Send size={14} /> Re-send
        </button>
        <button
          type="button"
          className="button"
          disabled={unavailable.resendSigned !== null}
          title={actionTitle(
            "Sign it again with the integration's local secret and a fresh timestamp, then send it",
            unavailable.resendSigned
          )}
          {...busy(sending, 'a request is being sent.')}
          onClick={() => !sending && void captures.getState().resendSelected('resigned')}
        >
          <ShieldCheck size={14} /> Re-send signed
        </button>
      </div>
      <div className="capture-action-group">
        <IconAction
          label="Copy as curl"
          does="Copy as curl"
          unavailable={null}
          onClick={() =>
            void copyCaptureAsCurl(captures.getState().fullBody, listener.getState().status?.url ?? null).then(
              (copy) => {
                if (copy?.copied) notifications.getState().notify('info', 'Copied as curl, aimed at the listener.')
                else if (copy) setCurl(copy.command)
              }
            )
          }
        >
          <Copy size={16} />
        </IconAction>
        <IconAction
          label="Save as sample"
          does="Save as a named sample in the project"
          unavailable={unavailable.saveSample}
          onClick={onSaveSample}
        >
          <Save size={16} />
        </IconAction>
        <IconAction
          label="Open in mapping designer"
          does="Open in the mapping designer"
          unavailable={null}
          onClick={() => navigation.getState().open('mapping', { with: { captureId: detail.id } })}
        >
          <GitBranch size={16} />
        </IconAction>
        <IconAction
          label="Save as test case"
          does="Save as a test case, with the mapping's output as its expected output"
          unavailable={unavailable.saveTestCase}
          onClick={() => navigation.getState().open('tests', { with: { captureId: detail.id } })}
        >
          <FlaskConical size={16} />
        </IconAction>
        <IconAction
          label="Delete capture"
          does="Delete (Delete key; Ctrl+Z undoes)"
          unavailable={unavailable.discard}
          onClick={() => void captures.getState().discard([detail.id])}
        >
          <Trash2 size={16} />
        </IconAction>
      </div>
    </div>
  )
}

function BodyTab({ detail }: { detail: CaptureView }) {
  const preview = useMemo(() => previewOf(detail.decoded), [detail])
  if (detail.bodyKind === 'none') {
    return (
      <div className="empty-state small">
        <p>
          The body was not kept: it was over the listener&apos;s body limit. Raise it in Settings › Webhook listener.
        </p>
      </div>
    )
  }
  if (detail.bodyKind === 'empty') {
    return (
      <div className="empty-state small">
        <p>This request had an empty body.</p>
      </div>
    )
  }
  return (
    <>
      {detail.decodeError && (
        <p className="capture-warning" role="note">
          Not readable as {detail.bodyKind}: {detail.decodeError}. Shown as received.
        </p>
      )}
      {detail.decodeWarnings.map((warning) => (
        <p key={warning} className="capture-warning" role="note">
          {warning}
        </p>
      ))}
      {detail.bodyKind !== 'json' && !detail.decodeError && (
        <p className="muted capture-note">
          As the engine reads this {detail.bodyKind} body; the Raw tab shows it as received.
        </p>
      )}
      <CaptureBodyView preview={preview} label="Capture body" />
    </>
  )
}

function RawTab({ detail }: { detail: CaptureView }) {
  const preview = useMemo(() => previewOf(detail.raw), [detail])
  return (
    <>
      <p className="muted capture-note">
        {detail.isText ? 'The bytes as received.' : 'Not UTF-8 text: shown as a hex dump.'}
        {detail.redacted ? ' Redacted before storing: the original bytes were not kept.' : ''}
      </p>
      <CaptureBodyView preview={preview} label="Raw body" />
    </>
  )
}

function PairsTable({ label, pairs, empty }: { label: string; pairs: [string, string][]; empty: string }) {
  if (pairs.length === 0) return <p className="muted capture-note">{empty}</p>
  return (
    <table className="capture-pairs" aria-label={label}>
      <tbody>
        {pairs.map(([name, value], index) => (
          <tr key={`${name}-${index}`}>
            <th scope="row">{name}</th>
            <td className="mono">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const outcomeLabels = { verified: 'Verified', failed: 'Failed', not_checked: 'Not checked' } as const

function SignatureTab({ detail }: { detail: CaptureView }) {
  const { verification } = detail
  return (
    <dl className="facts capture-signature">
      <dt>Verdict</dt>
      <dd>
        <span className={`chip capture-verdict-${verification.outcome}`}>{outcomeLabels[verification.outcome]}</span>
      </dd>
      <dt>Scheme</dt>
      <dd>{verification.scheme === 'none' ? 'None (this integration checks no signature)' : verification.scheme}</dd>
      {verification.reason && (
        <>
          <dt>Why</dt>
          <dd>{verification.reason}</dd>
        </>
      )}
      <dt>From</dt>
      <dd className="mono">{detail.remoteAddress}</dd>
      <dt>Replayable</dt>
      <dd>{detail.replayable ? 'Yes: the original bytes are kept.' : 'No: the body was redacted or not kept.'}</dd>
    </dl>
  )
}
