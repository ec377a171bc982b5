import { useState } from 'react'
import type { FieldChange, FieldComparison } from '../../../shared/model/publish'
import { plural } from '../../ui/plural'

const changeLabels: Record<FieldChange, string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
  same: 'Same'
}

interface FieldComparisonTableProps {
  rows: readonly FieldComparison[]
  /** What the table compares, e.g. "be_reserved: the project against Local sandbox". */
  caption: string
  /** The change words as seen from the side being written: a publish adds ours, a pull brings theirs. */
  direction: 'publish' | 'pull'
}

const pullLabels: Record<FieldChange, string> = {
  added: 'Only in the project',
  removed: 'Only in the org',
  changed: 'Differs',
  same: 'Same'
}

/** Ours against theirs, field by field; unchanged fields fold away behind a toggle. */
export function FieldComparisonTable({ rows, caption, direction }: FieldComparisonTableProps) {
  const [showSame, setShowSame] = useState(false)
  const same = rows.filter((row) => row.change === 'same').length
  const shown = showSame ? rows : rows.filter((row) => row.change !== 'same')
  const labels = direction === 'publish' ? changeLabels : pullLabels
  return (
    <div className="comparison">
      {shown.length > 0 ? (
        <table className="table comparison-table">
          <caption className="publish-sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Project</th>
              <th scope="col">Org</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.field} className={`change-${row.change}`}>
                <th scope="row" className="mono">
                  {row.field}
                </th>
                <td className="mono comparison-value">{row.ours ?? <span className="muted">—</span>}</td>
                <td className="mono comparison-value">{row.theirs ?? <span className="muted">—</span>}</td>
                <td>
                  <span className={`chip change-chip change-chip-${row.change}`}>{labels[row.change]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">
          {rows.length === 0 ? 'Nothing to compare.' : 'Every field is the same in the project and the org.'}
        </p>
      )}
      {same > 0 && (
        <button type="button" className="link-button" aria-pressed={showSame} onClick={() => setShowSame(!showSame)}>
          {showSame ? 'Hide' : 'Show'} {plural(same, 'unchanged field')}
        </button>
      )}
    </div>
  )
}
