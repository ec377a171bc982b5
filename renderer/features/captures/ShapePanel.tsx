import { useStudioStore } from '../../app/StudioContext'

/** The inferred shape of the integration's captures: paths, types, presence, examples, likely enums; and its drift. */
export function ShapePanel({
  integrationId,
  onOpenCapture
}: {
  integrationId: string | null
  onOpenCapture(id: string): void
}) {
  const shape = useStudioStore(
    (s) => s.captures,
    (state) => state.shape
  )
  if (integrationId === null) {
    return (
      <div className="empty-state small">
        <p>No integration received this capture, so it has no shape to compare with. Send it to /hooks/&lt;slug&gt;.</p>
      </div>
    )
  }
  if (!shape || shape.integrationId !== integrationId) return <p className="muted capture-note">Reading the shape…</p>
  if (shape.captureCount === 0) {
    return (
      <div className="empty-state small">
        <p>No readable captures of this integration yet: send it a payload (Send a test payload) to see its shape.</p>
      </div>
    )
  }
  return (
    <div className="capture-shape">
      {shape.drift.length > 0 && (
        <details className="capture-drift-history">
          <summary>
            Drift: {shape.drift.length} capture{shape.drift.length === 1 ? '' : 's'} brought fields or types never seen
            before
          </summary>
          <ul>
            {shape.drift.map((entry) => (
              <li key={entry.captureId}>
                <button type="button" className="link-button" onClick={() => onOpenCapture(entry.captureId)}>
                  #{entry.captureId}
                </button>{' '}
                {entry.changes.map((change) => `${change.path} (${change.type})`).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted capture-note">
        {shape.captureCount} capture{shape.captureCount === 1 ? '' : 's'} read (the newest, at most 500).
      </p>
      <table className="capture-shape-table" aria-label="Inferred shape">
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Types</th>
            <th scope="col">Presence</th>
            <th scope="col">Examples</th>
          </tr>
        </thead>
        <tbody>
          {shape.schema.fields.map((field) => (
            <tr key={field.path}>
              <td className="mono">{field.path}</td>
              <td>
                {Object.keys(field.types).join(' | ')}
                {Object.keys(field.formats).length > 0 && (
                  <span className="muted"> ({Object.keys(field.formats).join(', ')})</span>
                )}
              </td>
              <td>{Math.round(field.presence * 100)}%</td>
              <td className="mono capture-examples">
                {field.likelyEnum && field.enumValues
                  ? `one of: ${field.enumValues.join(', ')}`
                  : field.examples.map((example) => JSON.stringify(example)).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
