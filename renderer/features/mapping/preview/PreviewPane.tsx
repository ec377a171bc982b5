import Editor, { type OnMount } from '@monaco-editor/react'
import { memo, useEffect, useRef } from 'react'
import type { editor as MonacoEditor } from 'monaco-editor/editor'
import { useStudio, useStudioStore } from '../../../app/StudioContext'
import { useThemeStore } from '../../../app/theme'
import { editorHost } from '../../../editor/editorHost'
import { escapeThenTabHint, letEscapeThenTabLeave } from '../../../editor/escapeThenTab'
import { plural } from '../../../ui/plural'
import { useMediaQuery } from '../../../ui/useMediaQuery'
import { inputModelPath, outputModelPath, registerProvenanceHover, showPreviewMarkers } from './previewMonaco'
import type { PreviewResult, PreviewResults } from './previewProtocol'
import { previewStatus } from './previewStatus'
import { useStore, type StoreApi } from 'zustand'

interface PreviewPaneProps {
  results: StoreApi<PreviewResults>
  /** No payload under test: nothing to show. */
  hidden: boolean
}

const editorOptions = {
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  automaticLayout: true,
  fontSize: 12,
  folding: true,
  renderLineHighlight: 'none' as const
}

/** The window width under which the designer stacks its panes (the media query in mapping.css). */
const narrowDesignerQuery = '(max-width: 1249px)'
const inputHintId = 'preview-input-hint'
const diagnosticsId = 'preview-diagnostics'

/** Writes the output (here, not through the editor's value prop, so its markers are set on the new text). */
function showResult(
  input: MonacoEditor.IStandaloneCodeEditor | null,
  output: MonacoEditor.IStandaloneCodeEditor | null,
  result: PreviewResult | null
) {
  const model = output?.getModel()
  const text = result?.outputText ?? ''
  if (model && model.getValue() !== text) model.setValue(text)
  showPreviewMarkers(input?.getModel(), model, result)
}

/**
 * The payload under test (a copy of the capture, editable) and what would be posted to Capillary: side by side in a
 * wide window, the output first in a narrow one.
 */
export const PreviewPane = memo(function PreviewPane({ results, hidden }: PreviewPaneProps) {
  const stored = useStore(results, (state) => state.result)
  const result = hidden ? null : stored
  const { mapping } = useStudio()
  const theme = useThemeStore((state) => (state.resolved === 'dark' ? 'vs-dark' : 'vs'))
  const payloadText = useStudioStore(
    (s) => s.mapping,
    (state) => state.payloadText
  )
  const captures = useStudioStore(
    (s) => s.mapping,
    (state) => state.captures
  )
  const captureId = useStudioStore(
    (s) => s.mapping,
    (state) => state.captureId
  )
  const sampleId = useStudioStore(
    (s) => s.mapping,
    (state) => state.sampleId
  )
  const samples = useStudioStore(
    (s) => s.mapping,
    (state) => state.samples
  )
  const input = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null)
  const output = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null)
  const diagnosticsList = useRef<HTMLUListElement | null>(null)
  registerProvenanceHover()
  const outputFirst = useMediaQuery(narrowDesignerQuery)

  const latest = useRef(result)
  const show = (shown: PreviewResult | null) => showResult(input.current, output.current, shown)
  useEffect(() => {
    latest.current = result
    showResult(input.current, output.current, result)
  }, [result])
  // Written as soon as a result arrives, not after React's render: the output is what the user waits for.
  useEffect(
    () =>
      results.subscribe((state) => {
        if (!hidden) showResult(input.current, output.current, state.result)
      }),
    [results, hidden]
  )

  const onInputMount: OnMount = (editor) => {
    input.current = editor as unknown as MonacoEditor.IStandaloneCodeEditor
    letEscapeThenTabLeave(input.current)
    // Monaco has no option for a description: the hint is tied to its text box (role textbox) here.
    editor.getDomNode()?.querySelector('[role="textbox"]')?.setAttribute('aria-describedby', inputHintId)
    show(latest.current)
  }
  const onOutputMount: OnMount = (editor) => {
    output.current = editor as unknown as MonacoEditor.IStandaloneCodeEditor
    show(latest.current)
  }

  const status = previewStatus(result)
  const shownDiagnostics = result?.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info') ?? []
  // The list sits under the output, often below the fold: its count is beside the output, and a click brings it.
  const showDiagnostics = () => {
    diagnosticsList.current?.scrollIntoView({ block: 'nearest' })
    diagnosticsList.current?.focus({ preventScroll: true })
  }

  const payloadColumn = (
    <div key="payload" className="preview-column">
      <header className="preview-header">
        <span className="subtle-heading">Payload under test</span>
        <select
          className="input preview-capture"
          aria-label="Capture under test"
          value={captureId ?? (sampleId ? `sample:${sampleId}` : '')}
          onChange={(event) => {
            const value = event.target.value
            if (value.startsWith('sample:')) mapping.getState().chooseSample(value.slice('sample:'.length))
            else void mapping.getState().chooseCapture(value || null)
          }}
        >
          {captureId === null && sampleId === null && <option value="">Edited payload</option>}
          <optgroup label="Captures">
            {captures.map((capture) => (
              <option key={capture.id} value={capture.id}>
                #{capture.id} {capture.sourceEvent ?? capture.path} · {new Date(capture.receivedAt).toLocaleString()}
              </option>
            ))}
          </optgroup>
          {samples.length > 0 && (
            <optgroup label="Saved samples">
              {samples.map((sample) => (
                <option key={sample.id} value={`sample:${sample.id}`}>
                  {sample.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </header>
      {/* A whole payload, edited as a document: Tab indents here, and Escape then Tab (or Ctrl+M) moves on. */}
      <div className={`preview-editor ${editorHost}`} data-testid="preview-input">
        <Editor
          path={inputModelPath}
          language="json"
          value={payloadText}
          theme={theme}
          onMount={onInputMount}
          onChange={(value) => mapping.getState().setPayloadText(value ?? '')}
          options={{ ...editorOptions, ariaLabel: 'Payload under test' }}
        />
      </div>
      <p className="muted preview-hint" id={inputHintId}>
        {escapeThenTabHint}
      </p>
    </div>
  )
  const outputColumn = (
    <div key="output" className="preview-column preview-output">
      <header className="preview-header">
        <span className="subtle-heading">Posted to Capillary</span>
        <span className="preview-status">
          <span
            className={`chip ${result?.valid ? 'chip-ok' : 'chip-error'}`}
            data-testid="preview-status"
            data-revision={result?.id ?? 0}
          >
            {status}
          </span>
          {shownDiagnostics.length > 0 && (
            <button
              type="button"
              className="link-button preview-problems"
              aria-controls={diagnosticsId}
              onClick={showDiagnostics}
            >
              {diagnosticCount(shownDiagnostics)}
            </button>
          )}
        </span>
      </header>
      <div className={`preview-editor ${editorHost}`} data-testid="preview-output">
        <Editor
          path={outputModelPath}
          language="json"
          defaultValue=""
          theme={theme}
          onMount={onOutputMount}
          options={{
            ...editorOptions,
            readOnly: true,
            domReadOnly: true,
            // Read-only, so Tab has nothing to indent: it moves on.
            tabFocusMode: true,
            // Read-only editors hide squiggles by default; the output's diagnostics must show.
            renderValidationDecorations: 'on',
            ariaLabel: 'Output payload'
          }}
        />
      </div>
      {shownDiagnostics.length > 0 && (
        <ul
          ref={diagnosticsList}
          id={diagnosticsId}
          className="preview-diagnostics"
          aria-label="Preview diagnostics"
          tabIndex={-1}
        >
          {shownDiagnostics.map((diagnostic, index) => (
            <li key={index} className={`diagnostic diagnostic-${diagnostic.severity}`} data-code={diagnostic.code}>
              {diagnostic.attribute && <span className="mono">{diagnostic.attribute}: </span>}
              {diagnostic.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
  return (
    <section className="preview" aria-label="Live preview">
      {/* Stacked (a narrow window), the output comes first, where the rule being edited is beside it: so in the
          page's order too, so Tab reaches them in the order they are seen. */}
      {outputFirst ? [outputColumn, payloadColumn] : [payloadColumn, outputColumn]}
    </section>
  )
})

/** "1 error", "2 warnings", "1 error, 1 warning": a warning (valid for Capillary, worth a look) is not called a problem. */
function diagnosticCount(diagnostics: readonly { severity: string }[]): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length
  const warnings = diagnostics.length - errors
  return [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '']
    .filter(Boolean)
    .join(', ')
}
