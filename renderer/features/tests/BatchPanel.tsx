import { Play, Square } from 'lucide-react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { plural } from '../../ui/plural'
import { CaptureLinks } from './CaptureLinks'
import { diagnosticTitles, type DiagnosticCode } from '../../../shared/engine/diagnostics'

interface BatchPanelProps {
  mappingId: string
  /** The integration's name. */
  source: string
}

/** The mapping over every capture of its integration: progress, cancel, and what came out, by diagnostic code. */
export function BatchPanel({ mappingId, source }: BatchPanelProps) {
  const { tests } = useStudio()
  const batch = useStudioStore(
    (s) => s.tests,
    (state) => (state.batch?.mappingId === mappingId ? state.batch : null)
  )
  const running = batch?.state === 'running'
  const percent = batch && batch.total > 0 ? Math.round((batch.done / batch.total) * 100) : 0
  return (
    <div className="batch-panel">
      <p className="muted">
        Runs this mapping over every capture {source} sent, to see how it fares on all the real data before publishing.
        Nothing is stored or sent.
      </p>
      <div className="button-row">
        {running ? (
          <button type="button" className="button" onClick={() => void tests.getState().cancelBatch()}>
            <Square size={14} /> Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            onClick={() => void tests.getState().startBatch(mappingId)}
          >
            <Play size={14} /> Run over all captures
          </button>
        )}
      </div>
      {batch && (
        <>
          <div className="batch-progress">
            <progress
              max={Math.max(batch.total, 1)}
              value={batch.done}
              aria-label="Batch run progress"
              aria-valuetext={`${batch.done} of ${plural(batch.total, 'capture')}`}
            />
            <span className="muted">
              {batch.done} of {plural(batch.total, 'capture')}
              {running ? ` (${percent}%)` : ''}
              {batch.state === 'cancelled' && ', cancelled'}
              {batch.state === 'failed' && `, stopped: ${batch.message ?? ''}`}
            </span>
          </div>
          {batch.total === 0 && batch.state === 'done' ? (
            <p>{source} has sent no captures yet: start the listener and send some.</p>
          ) : (
            <table className="table" aria-label="Batch run summary">
              <thead>
                <tr>
                  <th>Outcome</th>
                  <th>Captures</th>
                  <th>Open</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>
                    <span className="chip chip-ok">Valid</span>
                  </td>
                  <td>{batch.summary.valid}</td>
                  <td>
                    <CaptureLinks
                      ids={batch.summary.validCaptureIds}
                      more={batch.summary.valid - batch.summary.validCaptureIds.length}
                    />
                  </td>
                </tr>
                {batch.summary.invalid.map((row) => (
                  <tr key={row.code}>
                    <td>
                      <span className="chip chip-error">Invalid</span>{' '}
                      <span data-code={row.code} title={row.code}>
                        {diagnosticTitles[row.code as DiagnosticCode] ?? row.code}
                      </span>
                    </td>
                    <td>{row.count}</td>
                    <td>
                      <CaptureLinks ids={row.captureIds} more={row.count - row.captureIds.length} />
                    </td>
                  </tr>
                ))}
                <tr>
                  <td>
                    <span className="chip chip-draft">Not this event</span>
                  </td>
                  <td>{batch.summary.unmatched}</td>
                  <td>
                    <CaptureLinks
                      ids={batch.summary.unmatchedCaptureIds}
                      more={batch.summary.unmatched - batch.summary.unmatchedCaptureIds.length}
                    />
                  </td>
                </tr>
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  )
}
