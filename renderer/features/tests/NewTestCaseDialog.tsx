import { useEffect, useMemo, useState } from 'react'
import type { EngineDiagnostic } from '../../../shared/engine/diagnostics'
import { decodeBody } from '../../../shared/engine/decode/decodeBody'
import type { CaptureSummary } from '../../../shared/model/capture'
import type { PayloadSample } from '../../../shared/model/captureInbox'
import type { TestCaseSource } from '../../../shared/model/testCase'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { JsonEditor } from '../../editor/JsonEditor'
import { Dialog } from '../../ui/Dialog'
import { SelectField } from '../../ui/SelectField'
import { TextField } from '../../ui/TextField'
import { parseExpected } from './parseExpected'

interface NewTestCaseDialogProps {
  /** The event whose mappings are offered; null offers every mapping of the capture's integration. */
  eventId: string | null
  /** A capture to start from (sent here from the inbox). */
  captureId?: string
  onClose(): void
}

type Step =
  { kind: 'choose' } | { kind: 'review'; payload: unknown; source: TestCaseSource; diagnostics: EngineDiagnostic[] }

/**
 * Saves a payload as a test case: a capture of the mapping's integration, a saved sample, or a pasted one. The expected output is
 * the mapping's current output, shown for review and editable before it is saved.
 */
export function NewTestCaseDialog({ eventId, captureId: initialCaptureId, onClose }: NewTestCaseDialogProps) {
  const { api, tests, notifications } = useStudio()
  const mappings = useStudioStore(
    (s) => s.tests,
    (state) => state.mappings
  )
  const events = useStudioStore(
    (s) => s.events,
    (state) => state.events
  )
  const integrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  const [captureIntegration, setCaptureIntegration] = useState<string | null>(null)
  const [sentCapture, setSentCapture] = useState<CaptureSummary | null>(null)
  const options = useMemo(
    () =>
      mappings
        .filter((mapping) => eventId === null || mapping.eventId === eventId)
        .filter((mapping) => captureIntegration === null || mapping.integrationId === captureIntegration)
        .map((mapping) => ({
          value: mapping.id,
          label: `${events.find((event) => event.id === mapping.eventId)?.name ?? '?'} from ${
            integrations.find((integration) => integration.id === mapping.integrationId)?.name ?? '?'
          }`
        })),
    [mappings, events, integrations, eventId, captureIntegration]
  )
  const [mappingId, setMappingId] = useState('')
  const mapping = mappings.find((candidate) => candidate.id === (mappingId || options[0]?.value))
  const [name, setName] = useState('')
  const [sourceKind, setSourceKind] = useState<'capture' | 'sample' | 'paste'>('capture')
  const [allSamples, setAllSamples] = useState<PayloadSample[]>([])
  const [sampleId, setSampleId] = useState('')
  const [captures, setCaptures] = useState<CaptureSummary[]>([])
  const [captureId, setCaptureId] = useState(initialCaptureId ?? '')
  const [pasted, setPasted] = useState('{\n  \n}')
  /** What stops the payload being previewed: the first step's own problem. */
  const [problem, setProblem] = useState<string | null>(null)
  /** What is wrong with the expected output: the review step's own problem, never shown on the first step. */
  const [expectedProblem, setExpectedProblem] = useState<string | null>(null)
  /** What is wrong with the name, shown at its field. */
  const [nameProblem, setNameProblem] = useState<string | null>(null)
  const testCases = useStudioStore(
    (s) => s.tests,
    (state) => state.testCases
  )
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [expectedText, setExpectedText] = useState('[]')

  // A capture sent from the inbox decides the integration, hence the mappings on offer.
  useEffect(() => {
    if (!initialCaptureId) return
    void api.getCapture({ id: initialCaptureId }).then((result) => {
      if (!result.ok) return
      setSentCapture(result.value)
      setCaptureIntegration(result.value.integrationId)
    })
  }, [api, initialCaptureId])

  useEffect(() => {
    void api.listPayloadSamples().then((result) => result.ok && setAllSamples(result.value))
  }, [api])
  // The samples saved from the mapping's integration, and the shipped ones.
  const samples = allSamples.filter(
    (sample) => sample.integrationId === null || sample.integrationId === mapping?.integrationId
  )
  const sample = samples.find((candidate) => candidate.id === sampleId) ?? samples[0]

  // Sent with a capture, the list waits for its integration, so the capture stays the one chosen.
  const ready = initialCaptureId === undefined || captureIntegration !== null
  useEffect(() => {
    if (!mapping || !ready) return
    void api.listCaptures({ integrationId: mapping.integrationId, limit: 50, statuses: ['ok'] }).then((result) => {
      if (!result.ok) return
      const items = result.value.items
      // The capture sent here may be older than the newest 50: it is offered all the same.
      const offered =
        sentCapture &&
        sentCapture.integrationId === mapping.integrationId &&
        !items.some((item) => item.id === sentCapture.id)
          ? [sentCapture, ...items]
          : items
      setCaptures(offered)
      setCaptureId((current) => (offered.some((item) => item.id === current) ? current : (offered[0]?.id ?? '')))
    })
  }, [api, mapping, ready, sentCapture])

  const review = async () => {
    if (!mapping) return
    setProblem(null)
    let payload: unknown
    let source: TestCaseSource
    if (sourceKind === 'capture') {
      const detail = await api.getCapture({ id: captureId })
      if (!detail.ok) return setProblem(detail.error.message)
      if (detail.value.decodeError) return setProblem(`That capture cannot be read: ${detail.value.decodeError}`)
      payload = detail.value.parsed
      source = { kind: 'capture', captureId }
    } else if (sourceKind === 'sample') {
      if (!sample) return setProblem('Choose a sample.')
      // Decoded by its content type, as the listener would decode it.
      const decoded = decodeBody(new TextEncoder().encode(sample.body), sample.contentType)
      if (decoded.error !== undefined) return setProblem(`That sample cannot be read: ${decoded.error}`)
      payload = decoded.value
      source = { kind: 'sample', name: sample.name }
    } else {
      try {
        payload = JSON.parse(pasted)
      } catch (error) {
        return setProblem(`The payload is not JSON: ${(error as Error).message}`)
      }
      source = { kind: 'edited' }
    }
    const preview = await api.previewTestCase({ mappingId: mapping.id, payload: payload as never })
    if (!preview.ok) return setProblem(preview.error.message)
    setExpectedText(JSON.stringify(preview.value.outputs, null, 2))
    setExpectedProblem(null)
    setStep({ kind: 'review', payload, source, diagnostics: preview.value.diagnostics })
    if (!name) {
      const summary = captures.find((capture) => capture.id === captureId)
      const suggested =
        sourceKind === 'capture' && summary
          ? `${summary.sourceEvent ?? 'Capture'} #${summary.id}`
          : sourceKind === 'sample' && sample
            ? sample.name
            : 'Pasted payload'
      setName(freeName(suggested, mapping.id))
    }
  }

  /** The mapping's test cases are told apart by name, case and outer spaces aside: a suggested one is free. */
  const takenName = (candidate: string, mappingId: string) =>
    testCases.find(
      (other) => other.mappingId === mappingId && other.name.trim().toLowerCase() === candidate.trim().toLowerCase()
    )
  const freeName = (base: string, mappingId: string) => {
    let candidate = base
    for (let copy = 2; takenName(candidate, mappingId); copy += 1) candidate = `${base} (${copy})`
    return candidate
  }

  const save = async () => {
    if (!mapping || step.kind !== 'review') return
    const expected = parseExpected(expectedText)
    if (!expected.ok) return setExpectedProblem(expected.error)
    const namesake = takenName(name, mapping.id)
    const wrongName = !name.trim()
      ? 'Name the test case.'
      : namesake && `This mapping already has a test case named ${namesake.name}: give this one another name.`
    if (wrongName) {
      setNameProblem(wrongName)
      return document.getElementById('new-test-case-name')?.focus()
    }
    const saved = await tests.getState().save(undefined, {
      mappingId: mapping.id,
      name: name.trim(),
      source: step.source,
      payload: step.payload as never,
      expected: expected.value
    })
    if (saved) {
      notifications.getState().notify('info', `Saved ${saved.name}: run it to count for the Tested gate.`)
      onClose()
    }
  }

  const shownProblem = step.kind === 'choose' ? problem : expectedProblem
  const footer =
    step.kind === 'choose' ? (
      <>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!mapping || (sourceKind === 'capture' && !captureId)}
          onClick={() => void review()}
        >
          Preview the output
        </button>
      </>
    ) : (
      <>
        <button type="button" className="button" onClick={() => setStep({ kind: 'choose' })}>
          Back
        </button>
        <button type="button" className="button button-primary" onClick={() => void save()}>
          Save test case
        </button>
      </>
    )

  return (
    <Dialog
      title="New test case"
      description="A payload and the exact events the mapping must make of it."
      onClose={onClose}
      footer={footer}
      wide
    >
      {!ready ? (
        <p className="muted">Reading the capture…</p>
      ) : options.length === 0 ? (
        <p>No mapping to test: map the integration onto an event first.</p>
      ) : step.kind === 'choose' ? (
        <div className="form-grid">
          <SelectField label="Mapping" value={mapping?.id ?? ''} options={options} onChange={setMappingId} />
          <fieldset className="radio-group">
            <legend className="field-label">Payload</legend>
            <label>
              <input
                type="radio"
                name="payload-source"
                checked={sourceKind === 'capture'}
                onChange={() => setSourceKind('capture')}
              />{' '}
              A capture
            </label>
            <label>
              <input
                type="radio"
                name="payload-source"
                checked={sourceKind === 'sample'}
                onChange={() => setSourceKind('sample')}
              />{' '}
              A saved sample
            </label>
            <label>
              <input
                type="radio"
                name="payload-source"
                checked={sourceKind === 'paste'}
                onChange={() => setSourceKind('paste')}
              />{' '}
              Paste one
            </label>
          </fieldset>
          {sourceKind === 'capture' ? (
            captures.length === 0 ? (
              <p className="muted">
                This integration has no captures yet: paste a payload, or send one to the listener.
              </p>
            ) : (
              <SelectField
                label="Capture"
                value={captureId}
                options={captures.map((capture) => ({
                  value: capture.id,
                  label: `#${capture.id} ${capture.sourceEvent ?? capture.path} (${new Date(capture.receivedAt).toLocaleString()})`
                }))}
                onChange={setCaptureId}
              />
            )
          ) : sourceKind === 'sample' ? (
            samples.length === 0 ? (
              <p className="muted">No samples for this integration: save one from a capture in the Inbox.</p>
            ) : (
              <SelectField
                label="Sample"
                value={sample?.id ?? ''}
                options={samples.map((candidate) => ({
                  value: candidate.id,
                  label: `${candidate.name}${candidate.origin === 'shipped' ? ' (shipped)' : ''}`
                }))}
                onChange={setSampleId}
              />
            )
          ) : (
            <div className="test-json-small">
              <JsonEditor value={pasted} label="Payload" onChange={setPasted} />
            </div>
          )}
        </div>
      ) : (
        <div className="review-step">
          <TextField
            id="new-test-case-name"
            label="Name"
            value={name}
            onValue={(value) => {
              setName(value)
              setNameProblem(null)
            }}
            problem={nameProblem ?? undefined}
            // Enter saves, as in any dialog with one field to fill.
            onKeyDown={(event) => {
              if (event.key === 'Enter') void save()
            }}
            wide
          />
          {step.diagnostics.some((diagnostic) => diagnostic.severity === 'error') && (
            <p className="field-error">
              The mapping's output is not valid for Capillary yet (
              {step.diagnostics.find((d) => d.severity === 'error')?.message}): the test will fail until the mapping is
              fixed.
            </p>
          )}
          <p className="muted">Expected output: the mapping's output now. Review it, and correct it if it is wrong.</p>
          <div className="test-json-small">
            <JsonEditor
              value={expectedText}
              label="Expected output"
              onChange={(value) => {
                setExpectedText(value)
                setExpectedProblem(null)
              }}
            />
          </div>
        </div>
      )}
      {shownProblem && (
        <p className="field-error" role="alert">
          {shownProblem}
        </p>
      )}
    </Dialog>
  )
}
