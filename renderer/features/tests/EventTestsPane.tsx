import { CheckCircle2, CircleAlert, Play, Plus } from 'lucide-react'
import { useState } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { plural } from '../../ui/plural'
import { SelectField } from '../../ui/SelectField'
import { BatchPanel } from './BatchPanel'
import { CoveragePanel } from './CoveragePanel'
import { EdgeCasesPanel } from './EdgeCasesPanel'
import type { TestsPanel } from './store'
import { TestCasesPanel } from './TestCasesPanel'
import { useEventMappings } from './useEventMappings'

const panels: { id: TestsPanel; label: string }[] = [
  { id: 'cases', label: 'Test cases' },
  { id: 'batch', label: 'Batch run' },
  { id: 'edgeCases', label: 'Edge cases' },
  { id: 'coverage', label: 'Coverage' }
]

interface EventTestsPaneProps {
  onNewTestCase(): void
}

/** One event against the Tested gate: what is missing, its test cases, batch runs, edge cases and coverage. */
export function EventTestsPane({ onNewTestCase }: EventTestsPaneProps) {
  const { tests, commands } = useStudio()
  const eventId = useStudioStore(
    (s) => s.tests,
    (state) => state.selectedEventId
  )
  const status = useStudioStore(
    (s) => s.tests,
    (state) => state.statuses.find((candidate) => candidate.eventId === state.selectedEventId)
  )
  const panel = useStudioStore(
    (s) => s.tests,
    (state) => state.panel
  )
  const running = useStudioStore(
    (s) => s.tests,
    (state) => state.running
  )
  const mappings = useEventMappings(eventId)
  const [chosenMappingId, setChosenMappingId] = useState<string | null>(null)
  const mapping = mappings.find((entry) => entry.mapping.id === chosenMappingId) ?? mappings[0]

  if (!eventId || !status) {
    return (
      <section className="editor-pane">
        <div className="empty-state">
          <p>Select an event to see its tests.</p>
        </div>
      </section>
    )
  }
  return (
    <section className="editor-pane tests-pane" aria-label={`Tests of ${status.eventName}`}>
      <header className="editor-header">
        <div>
          <h2 className="tests-event-name mono">{status.eventName}</h2>
          <span className={`chip chip-${status.status}`}>{status.status === 'tested' ? 'Tested' : 'Draft'}</span>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={mappings.length === 0}
            title={mappings.length === 0 ? 'Map an integration onto this event first' : undefined}
            onClick={onNewTestCase}
          >
            <Plus size={14} /> New test case
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={status.testCases === 0 || running}
            onClick={() => commands.getState().run('tests.runEvent')}
          >
            <Play size={14} /> {running ? 'Running…' : 'Run tests'}
          </button>
        </div>
      </header>
      <div className="gate" role="status" aria-label="Tested gate">
        {status.status === 'tested' ? (
          <p className="gate-ok">
            <CheckCircle2 size={16} aria-hidden /> Tested: {status.passing} of{' '}
            {plural(status.testCases, 'test case passes', 'test cases pass')} against the event and its mappings as they
            are now.
          </p>
        ) : (
          <>
            <p className="gate-missing">
              <CircleAlert size={16} aria-hidden /> Draft until:
            </p>
            <ul>
              {mappings.length === 0 && (
                <li>No integration is mapped onto {status.eventName}: map one in the mapping designer.</li>
              )}
              {status.missing.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="tabs" role="tablist" aria-label="Test views">
        {panels.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            className="tab"
            aria-selected={panel === entry.id}
            onClick={() => tests.getState().showPanel(entry.id)}
          >
            {entry.label}
          </button>
        ))}
        {panel !== 'cases' && mappings.length > 1 && mapping && (
          <div className="tabs-end">
            <SelectField
              label="Mapping"
              value={mapping.mapping.id}
              options={mappings.map((entry) => ({ value: entry.mapping.id, label: `From ${entry.label}` }))}
              onChange={setChosenMappingId}
            />
          </div>
        )}
      </div>
      <div className="editor-body tests-body" role="tabpanel">
        {panel === 'cases' && <TestCasesPanel eventId={eventId} onNewTestCase={onNewTestCase} />}
        {panel !== 'cases' && !mapping && (
          <div className="empty-state small">
            <p>No integration is mapped onto {status.eventName} yet.</p>
          </div>
        )}
        {panel === 'batch' && mapping && <BatchPanel mappingId={mapping.mapping.id} source={mapping.label} />}
        {panel === 'edgeCases' && mapping && <EdgeCasesPanel mappingId={mapping.mapping.id} />}
        {panel === 'coverage' && mapping && <CoveragePanel mappingId={mapping.mapping.id} />}
      </div>
    </section>
  )
}
