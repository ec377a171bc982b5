import { useEffect, useMemo, useState } from 'react'
import type { BundleChange, BundleSource } from '../../../shared/api/bundles'
import { useStudio } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { groupChanges, shown } from './groupChanges'

/** The diff view: what the bundle would change in the open project, grouped by event and integration, side by side. */
export function BundleDiffDialog({
  source,
  onClose,
  onBack
}: {
  source: BundleSource
  onClose(): void
  onBack(): void
}) {
  const { api } = useStudio()
  const [changes, setChanges] = useState<BundleChange[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    void api.diffBundleWithProject({ source }).then((result) => {
      if (!current) return
      if (result.ok) setChanges(result.value)
      else setError(result.error.message)
    })
    return () => {
      current = false
    }
  }, [api, source])

  const groups = useMemo(() => groupChanges(changes ?? []), [changes])
  return (
    <Dialog
      title={`Differences: this project → ${'path' in source ? source.path : source.name}`}
      description="Field by field, what the bundle holds that this project does not (left: this project, right: the bundle)."
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onBack}>
            Back to the import
          </button>
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      {changes === null && !error && <p className="muted">Comparing…</p>}
      {changes?.length === 0 && (
        <p className="empty-state small">The bundle and this project are the same: there is nothing to merge.</p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="bundle-diff">
        {groups.map((group) => (
          <section key={group.title} className="bundle-diff-group" aria-label={group.title}>
            <h3 className="subtle-heading">{group.title}</h3>
            {group.changes.map((change) => (
              <div key={`${change.kind}:${change.path}`} className={`bundle-diff-row bundle-diff-${change.kind}`}>
                <div className="bundle-diff-path mono">
                  {change.kind} {change.what} <strong>{change.path}</strong>
                </div>
                <pre className="bundle-diff-side" aria-label={`${change.path} in this project`}>
                  {shown(change.before) || '(none)'}
                </pre>
                <pre className="bundle-diff-side" aria-label={`${change.path} in the bundle`}>
                  {shown(change.after) || '(none)'}
                </pre>
              </div>
            ))}
          </section>
        ))}
      </div>
    </Dialog>
  )
}
