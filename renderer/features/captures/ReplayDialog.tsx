import { GitBranch, Send } from 'lucide-react'
import type { MappingReplay } from '../../../shared/model/captureInbox'
import { JsonView } from '../../editor/JsonView'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { severityLabels } from '../../ui/severityLabels'

/** The outputs and diagnostics of the last replay through the mappings. */
export function ReplayDialog() {
  const { captures, navigation, notifications } = useStudio()
  const replay = useStudioStore(
    (s) => s.captures,
    (state) => state.replay
  )
  if (!replay) return null
  const close = () => captures.getState().closeReplay()
  const hasOutputs = replay.mappings.some((mapping) => mapping.matched && mapping.outputs.length > 0)
  const throughRelay = async () => {
    const requeued = await captures.getState().replayThroughRelay()
    if (requeued === null) return
    notifications
      .getState()
      .notify(
        'info',
        requeued > 0
          ? `${requeued} deliver${requeued === 1 ? 'y' : 'ies'} of capture #${replay.captureId} queued again for Capillary: see Deliveries.`
          : `The relay never took capture #${replay.captureId} (it was off when it arrived): turn the relay on in Deliveries and send the capture again.`
      )
  }
  return (
    <Dialog
      title={`Replay of capture #${replay.captureId}`}
      description={
        replay.integration
          ? `Through the mappings of ${replay.integration.name}, as the relay would run them. Nothing was stored or sent.`
          : undefined
      }
      onClose={close}
      wide
      footer={
        <>
          <button
            type="button"
            className="button"
            onClick={() => {
              close()
              navigation.getState().open('mapping', { with: { captureId: replay.captureId } })
            }}
          >
            <GitBranch size={14} /> Open in mapping designer
          </button>
          <button
            type="button"
            className="button"
            disabled={!hasOutputs}
            title={
              hasOutputs
                ? 'Post these outputs to Capillary again through the relay, with the same external_event_id'
                : 'No mapping applies to this capture, or none gave an output: there is nothing to post.'
            }
            onClick={() => void throughRelay()}
          >
            <Send size={14} /> Replay through the relay
          </button>
          <button type="button" className="button button-primary" onClick={close}>
            Close
          </button>
        </>
      }
    >
      {replay.message && <p className="capture-note">{replay.message}</p>}
      {replay.decodeError && (
        <p className="capture-warning" role="alert">
          The body could not be read, so no mapping ran: {replay.decodeError}.
        </p>
      )}
      {replay.mappings.map((mapping) => (
        <section key={mapping.mappingId} className="capture-replay" aria-label={`Mapping onto ${mapping.eventName}`}>
          <h3>
            {mapping.eventName}{' '}
            <span className={`chip ${!mapping.matched ? '' : mapping.valid ? 'chip-ok' : 'chip-error'}`}>
              {!mapping.matched ? 'Does not apply' : mapping.valid ? 'Valid' : 'Not valid'}
            </span>
          </h3>
          {mapping.diagnostics.length > 0 && (
            <ul className="capture-diagnostics" aria-label={`Problems mapping onto ${mapping.eventName}`}>
              {bySeverity(mapping.diagnostics).map((diagnostic, index) => (
                <li key={index} className={`capture-diagnostic-${diagnostic.severity}`}>
                  <strong>{severityLabels[diagnostic.severity]}</strong>{' '}
                  {diagnostic.attribute ? `${diagnostic.attribute}: ` : ''}
                  {diagnostic.message}
                </li>
              ))}
            </ul>
          )}
          {mapping.matched && mapping.outputs.length > 0 && (
            <OutputView
              value={
                mapping.outputs.length === 1
                  ? mapping.outputs[0]?.payload
                  : mapping.outputs.map((output) => output.payload)
              }
              label={`Output for ${mapping.eventName}`}
            />
          )}
        </section>
      ))}
    </Dialog>
  )
}

const severityOrder = { error: 0, warning: 1, info: 2 } as const

/** Errors first, then warnings, then notes: what keeps the output from Capillary is read first. */
function bySeverity(diagnostics: MappingReplay['diagnostics']): MappingReplay['diagnostics'] {
  return [...diagnostics].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity])
}

/** Lines shown before the output scrolls inside its editor. */
const maxOutputLines = 14

/**
 * An output, in an editor as tall as its lines (up to a limit), which fills its box and never spills out of it (a
 * fixed box lower than the editor's own minimum height once hid the first problem under the editor).
 */
function OutputView({ value, label }: { value: unknown; label: string }) {
  const lines = JSON.stringify(value, null, 2).split('\n').length
  return (
    <div className="capture-replay-output" style={{ height: `${Math.min(lines, maxOutputLines) * 20 + 16}px` }}>
      <JsonView value={value} label={label} />
    </div>
  )
}
