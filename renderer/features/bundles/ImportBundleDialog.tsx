import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import type { BundlePreview, BundleSource, MergeChoice, MergeChoices, MergeItem } from '../../../shared/api/bundles'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { MergePlanTable } from './MergePlanTable'
import { mergeSummary } from './mergeSummary'

const sourceLabel = (source: BundleSource) => ('path' in source ? source.path : source.name)

/**
 * Import Bundle…: a bundle (typed path, or a dropped file) checked and previewed against the open project — per
 * event and integration new, identical or in conflict, each conflict with its choice — before anything is written.
 * Or, instead, a new project made from it.
 */
export function ImportBundleDialog({
  initialSource,
  onClose,
  onShowDiff
}: {
  initialSource?: BundleSource
  onClose(): void
  onShowDiff(source: BundleSource): void
}) {
  const { api, notifications, leave } = useStudio()
  const projectPath = useStudioStore(
    (s) => s.project,
    (state) => state.project?.path ?? ''
  )
  const [path, setPath] = useState(initialSource && 'path' in initialSource ? initialSource.path : '')
  const [source, setSource] = useState<BundleSource | undefined>(initialSource)
  const [preview, setPreview] = useState<BundlePreview | null>(null)
  const [choices, setChoices] = useState<MergeChoices>({ events: {}, integrations: {} })
  const [asNew, setAsNew] = useState(false)
  const [newPath, setNewPath] = useState(() => projectPath.replace(/[^/\\]*$/, 'Imported.capmap'))
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // The error sits under the preview, often below the fold of a long merge plan: it is brought into view.
  const errorShown = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (error !== null) errorShown.current?.scrollIntoView?.({ block: 'nearest' })
  }, [error])

  /** Reads the bundle and its merge preview; state is set only once the answer is in. */
  const fetchPreview = useCallback(
    (next: BundleSource) =>
      api.previewBundleImport({ source: next }).then((result) => {
        if (!result.ok) return setError(result.error.message)
        setPreview(result.value)
        if (!result.value.ok) return
        setChoices({
          events: startingChoices(result.value.plan.events),
          integrations: startingChoices(result.value.plan.integrations)
        })
      }),
    [api]
  )

  useEffect(() => {
    if (initialSource) void fetchPreview(initialSource)
  }, [initialSource, fetchPreview])

  const load = (next: BundleSource) => {
    setSource(next)
    setPreview(null)
    setError(null)
    void fetchPreview(next)
  }

  const choose = (what: keyof MergeChoices, key: string, choice: MergeChoice) =>
    setChoices((current) => ({ ...current, [what]: { ...current[what], [key]: choice } }))

  const previewPath = (event: FormEvent) => {
    event.preventDefault()
    if (!path.trim()) return setError('Type the path of a bundle file (*.capmap.json), or drop one on the window.')
    load({ path })
  }

  const importIt = async () => {
    if (!source) return
    // A new project replaces the open one: leaving it asks first, as Open does.
    if (asNew && !(await leave.getState().confirmLeave())) return
    setBusy(true)
    const result = await api.importBundle(
      asNew ? { source, mode: 'new', projectPath: newPath } : { source, mode: 'merge', choices }
    )
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    const merged = result.value.merged
    notifications
      .getState()
      .notify(
        'info',
        merged
          ? mergeSummary(sourceLabel(source), merged)
          : `Created ${result.value.project?.project?.path ?? newPath} from ${sourceLabel(source)}.`
      )
    onClose()
  }

  const ready = preview?.ok === true
  return (
    <Dialog
      title="Import bundle"
      description="Check a bundle against this project before anything is written: merge it, or make a new project."
      onClose={onClose}
      wide
      footer={
        <>
          {ready && source && (
            <button type="button" className="button" onClick={() => onShowDiff(source)}>
              Show differences
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!ready || busy}
            onClick={() => void importIt()}
          >
            {asNew ? 'Create project' : 'Merge into this project'}
          </button>
        </>
      }
    >
      <form className="bundle-form bundle-source" onSubmit={previewPath}>
        <label className="field grow">
          <span className="field-label">Bundle file path</span>
          <input
            className="input mono"
            value={source && 'text' in source ? `${source.name} (dropped)` : path}
            readOnly={source !== undefined && 'text' in source}
            autoFocus={!initialSource}
            spellCheck={false}
            placeholder="/home/you/bundles/shop.capmap.json"
            onChange={(event) => {
              setPath(event.target.value)
              setError(null)
            }}
          />
        </label>
        <button type="submit" className="button">
          Preview
        </button>
      </form>
      {!source && !error && (
        <p className="muted">Type a bundle's path and choose Preview, or drop a *.capmap.json file on the window.</p>
      )}
      {source && !preview && !error && <p className="muted">Reading {sourceLabel(source)}…</p>}
      {preview && !preview.ok && (
        <section className="bundle-findings bundle-findings-error" role="alert">
          <h3 className="subtle-heading">This file cannot be imported; nothing was written</h3>
          <ul>
            {preview.problems.map((problem) => (
              <li key={problem} className="mono">
                {problem}
              </li>
            ))}
          </ul>
        </section>
      )}
      {preview?.ok && (
        <>
          {preview.warnings.map((warning) => (
            <p key={warning} className="field-warning">
              {warning}
            </p>
          ))}
          {!asNew && <MergePlanTable plan={preview.plan} choices={choices} onChoose={choose} />}
          <label className="checkbox">
            <input type="checkbox" checked={asNew} onChange={(event) => setAsNew(event.target.checked)} />
            Create a new project instead
          </label>
          {asNew && (
            <label className="field">
              <span className="field-label">New project file path</span>
              <input
                className="input mono"
                value={newPath}
                spellCheck={false}
                onChange={(event) => setNewPath(event.target.value)}
              />
            </label>
          )}
        </>
      )}
      {error && (
        <p ref={errorShown} className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  )
}

/**
 * Where each conflict's choice starts: theirs when only the bundle changed the item since it was exported (taking it
 * loses nothing of mine), else mine: nothing of mine changes unless chosen.
 */
function startingChoices(items: readonly MergeItem[]): Record<string, MergeChoice> {
  return Object.fromEntries(
    items
      .filter((item) => item.state === 'conflict')
      .map((item) => [item.key, item.changedOnlyIn === 'bundle' ? 'take-theirs' : 'keep-mine'])
  )
}
