import { Play, Trash2 } from 'lucide-react'
import { useState } from 'react'
import type { TestCase } from '../../../shared/model/testCase'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { JsonDiffView } from '../../editor/JsonDiffView'
import { JsonEditor } from '../../editor/JsonEditor'
import { JsonView } from '../../editor/JsonView'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { parseExpected } from './parseExpected'
import { failureLabel, verdictOf } from './testLabels'

/**
 * One test case: when it fails, expected against actual in Monaco's diff editor with the engine's diagnostics;
 * otherwise its expected output, editable, and the payload under test.
 */
export function TestCaseDetail({ testCase }: { testCase: TestCase }) {
  const { tests } = useStudio()
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const [expectedText, setExpectedText] = useState(() => JSON.stringify(testCase.expected, null, 2))
  const [confirmDelete, setConfirmDelete] = useState(false)
  const parsed = parseExpected(expectedText)
  const edited = expectedText !== JSON.stringify(testCase.expected, null, 2)
  const verdict = verdictOf(testCase)
  const run = testCase.lastRun

  const saveExpected = (expected: TestCase['expected']) => {
    const { mappingId, name, source, payload } = testCase
    void tests.getState().save(testCase.id, { mappingId, name, source, payload, expected })
  }

  return (
    <section className="test-case-detail" aria-label={`Test case ${testCase.name}`}>
      <header className="section-header">
        <h3>{testCase.name}</h3>
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => void tests.getState().run({ testCaseIds: [testCase.id] })}
          >
            <Play size={14} /> Run
          </button>
          {!readOnly && (
            <button type="button" className="button button-danger" onClick={() => setConfirmDelete(true)}>
              <Trash2 size={14} /> Delete
            </button>
          )}
        </div>
      </header>
      {verdict === 'failed' && run ? (
        <>
          <p className="test-failure" role="alert">
            {failureLabel[run.failure ?? 'outputs_differ']}.
          </p>
          {run.diagnostics.length > 0 && (
            <>
              <p className="muted">What the engine noted on this run:</p>
              <ul className="diagnostics" aria-label="Diagnostics">
                {run.diagnostics.map((diagnostic, index) => (
                  <li key={index} className={`diagnostic diagnostic-${diagnostic.severity}`}>
                    <span className="mono">{diagnostic.attribute ?? diagnostic.code}</span> {diagnostic.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {/* Side by side where there is room, inline where there is not: the colours say which is which in both. */}
          <p className="muted">Expected (red, −) against what the mapping gives now (green, +).</p>
          <div className="test-diff">
            <JsonDiffView original={testCase.expected} modified={run.actual} label="Expected against actual" />
          </div>
          {!readOnly && run.failure === 'outputs_differ' && (
            <div className="button-row">
              <button type="button" className="button" onClick={() => saveExpected(run.actual)}>
                Expect what it gives now
              </button>
            </div>
          )}
        </>
      ) : (
        verdict === 'notRun' && <p className="muted">Not run since the last change: run it to count for the gate.</p>
      )}
      <div className="test-case-columns">
        <div>
          <h4>Payload under test</h4>
          <div className="test-json">
            <JsonView value={testCase.payload} label="Payload under test" />
          </div>
        </div>
        <div>
          <h4>Expected output</h4>
          <div className="test-json">
            <JsonEditor value={expectedText} label="Expected output" onChange={setExpectedText} />
          </div>
          {parsed.ok ? null : (
            <p className="field-error" role="alert">
              {parsed.error}
            </p>
          )}
          {!readOnly && (
            <div className="button-row">
              <button
                type="button"
                className="button button-primary"
                disabled={!edited || !parsed.ok}
                onClick={() => parsed.ok && saveExpected(parsed.value)}
              >
                Save expected output
              </button>
            </div>
          )}
        </div>
      </div>
      {confirmDelete && (
        <ConfirmDialog
          title="Delete this test case?"
          message={`${testCase.name} and its last run are removed from the project.`}
          confirmLabel="Delete"
          onConfirm={() => {
            setConfirmDelete(false)
            void tests.getState().remove(testCase.id)
          }}
          onCancel={() => setConfirmDelete(false)}
        />
      )}
    </section>
  )
}
