import { Plus } from 'lucide-react'
import { useMemo } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { TestCaseDetail } from './TestCaseDetail'
import { sourceLabel, verdictChip, verdictLabel, verdictOf } from './testLabels'
import { useEventMappings } from './useEventMappings'

interface TestCasesPanelProps {
  eventId: string
  onNewTestCase(): void
}

/** The event's test cases (all its mappings'), their verdicts, and the selected one in detail. */
export function TestCasesPanel({ eventId, onNewTestCase }: TestCasesPanelProps) {
  const { tests } = useStudio()
  const all = useStudioStore(
    (s) => s.tests,
    (state) => state.testCases
  )
  const selectedId = useStudioStore(
    (s) => s.tests,
    (state) => state.selectedTestCaseId
  )
  const mappings = useEventMappings(eventId)
  const testCases = useMemo(
    () => all.filter((testCase) => mappings.some((entry) => entry.mapping.id === testCase.mappingId)),
    [all, mappings]
  )
  const selected = testCases.find((testCase) => testCase.id === selectedId)
  const from = (mappingId: string) => mappings.find((entry) => entry.mapping.id === mappingId)?.label ?? ''

  if (testCases.length === 0) {
    return (
      <div className="empty-state">
        <p>No test case yet.</p>
        <p className="muted">
          A test case is a real payload and the exact events the mapping must make of it. Save one from a capture or a
          sample, review its expected output, and run it: the event is Tested once all its test cases pass.
        </p>
        {mappings.length > 0 && (
          <button type="button" className="button button-primary" onClick={onNewTestCase}>
            <Plus size={14} /> New test case
          </button>
        )}
      </div>
    )
  }
  return (
    <div className="test-cases">
      <table className="table" aria-label="Test cases">
        <thead>
          <tr>
            <th>Test case</th>
            <th>From</th>
            <th>Payload</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {testCases.map((testCase) => {
            const verdict = verdictOf(testCase)
            return (
              <tr
                key={testCase.id}
                aria-selected={testCase.id === selectedId}
                tabIndex={0}
                className="table-row-selectable"
                onClick={() => tests.getState().selectTestCase(testCase.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault()
                    tests.getState().selectTestCase(testCase.id)
                  }
                }}
              >
                <td>{testCase.name}</td>
                <td>{from(testCase.mappingId)}</td>
                <td className="muted">{sourceLabel(testCase.source)}</td>
                <td>
                  <span className={`chip ${verdictChip[verdict]}`}>{verdictLabel[verdict]}</span>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {selected && <TestCaseDetail key={selected.id} testCase={selected} />}
    </div>
  )
}
