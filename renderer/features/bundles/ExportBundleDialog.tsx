import { useEffect, useMemo, useState, type FormEvent } from 'react'
import type { BundleScan } from '../../../shared/api/bundles'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { namesAFolder } from '../../../shared/model/filePath'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Dialog } from '../../ui/Dialog'
import { FindingList } from './FindingList'

/**
 * Export Bundle…: the whole project or selected events, to a path typed here or chosen in the desktop app's native
 * dialog (web mode has none). What
 * would leave is scanned first: secrets are listed and block the export; personal data is listed as a warning.
 * A file already at the path is replaced only once the user agrees: main refuses with `file_exists` and this dialog
 * asks, unless the path is the one the native save dialog returned (the OS asked there already).
 */
export function ExportBundleDialog({ onClose }: { onClose(): void }) {
  const { api, notifications } = useStudio()
  const events = useStudioStore(
    (s) => s.events,
    (state) => state.events
  )
  const projectPath = useStudioStore(
    (s) => s.project,
    (state) => state.project?.path ?? ''
  )
  const [path, setPath] = useState(() => projectPath.replace(/\.capmap$/i, '.capmap.json'))
  /** The events the user unticked: every event is exported until some are. */
  const [unticked, setUnticked] = useState<string[]>([])
  const [scan, setScan] = useState<BundleScan | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [pathProblem, setPathProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [redact, setRedact] = useState(false)
  const [nativeDialogs, setNativeDialogs] = useState(false)
  /** The path exactly as the native save dialog returned it: the OS asked before replacing that file. */
  const [chosenPath, setChosenPath] = useState<string | null>(null)
  /** The file main found already there, waiting for the user's answer. */
  const [existingFile, setExistingFile] = useState<string | null>(null)

  useEffect(() => {
    void api.getAppInfo().then((result) => setNativeDialogs(result.ok && result.value.mode === 'electron'))
  }, [api])

  const choosePath = async () => {
    const picked = await api.pickBundlePath({ purpose: 'export' })
    if (!picked.ok) return setError(picked.error.message)
    if (!picked.value.supported || !picked.value.path) return
    // The dialog's filter is `.json`: a name typed without the bundle suffix gets it, and names another file than
    // the one the OS asked about.
    const bundlePath = picked.value.path.replace(/(\.capmap)?(\.json)?$/i, '.capmap.json')
    setPath(bundlePath)
    setChosenPath(bundlePath === picked.value.path ? bundlePath : null)
    setError(null)
  }

  const names = useMemo(() => events.map((event) => event.name), [events])
  const ticked = names.filter((name) => !unticked.includes(name))
  const everyEvent = ticked.length === names.length
  const noEvent = names.length > 0 && ticked.length === 0
  /** What the export asks for: no names means the whole project. */
  const selection = everyEvent ? '' : ticked.join('\n')

  useEffect(() => {
    if (noEvent) return
    let current = true
    const eventNames = selection === '' ? [] : selection.split('\n')
    void api.scanBundleExport({ eventNames }).then((result) => {
      if (!current) return
      if (result.ok) setScan(result.value)
      else setError(result.error.message)
    })
    return () => {
      current = false
    }
  }, [api, selection, noEvent])

  const toggle = (name: string) => {
    setScan(null)
    setUnticked((others) => (others.includes(name) ? others.filter((other) => other !== name) : [...others, name]))
  }
  const toggleAll = () => {
    setScan(null)
    setUnticked(everyEvent ? names : [])
  }
  const blocked = (scan?.secrets.length ?? 0) > 0

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const problem = bundlePathProblem(path.trim())
    if (problem) return setPathProblem(problem)
    await exportTo(path === chosenPath)
  }

  const exportTo = async (overwrite: boolean) => {
    setBusy(true)
    const eventNames = everyEvent ? [] : ticked
    const result = await api.exportBundle({ path, eventNames, redactPersonalData: redact, overwrite })
    setBusy(false)
    if (!result.ok && result.error.code === 'file_exists' && !overwrite) return setExistingFile(path)
    if (!result.ok) return setError(result.error.message)
    const count = result.value.redacted
    const redacted = count > 0 ? `, ${count} personal value${count === 1 ? '' : 's'} redacted` : ''
    notifications.getState().notify('info', `Exported ${result.value.path} (${result.value.bytes} bytes${redacted}).`)
    onClose()
  }

  return (
    <Dialog
      title="Export bundle"
      description="Write the project's events, integrations, mappings and test cases as one file to review in git."
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form="bundle-export-form"
            className="button button-primary"
            disabled={busy || noEvent || scan === null || blocked}
          >
            Export
          </button>
        </>
      }
    >
      <form id="bundle-export-form" className="bundle-form" onSubmit={(event) => void submit(event)}>
        <div className="bundle-source">
          <label className="field grow">
            <span className="field-label">Bundle file path</span>
            <input
              className="input mono"
              value={path}
              autoFocus
              spellCheck={false}
              placeholder="/home/you/bundles/shop.capmap.json"
              aria-invalid={pathProblem ? true : undefined}
              aria-describedby={pathProblem ? 'bundle-export-path-problem' : undefined}
              onChange={(event) => {
                setPath(event.target.value)
                setChosenPath(null)
                setError(null)
                setPathProblem(null)
              }}
            />
            {pathProblem && (
              <span id="bundle-export-path-problem" className="field-issues field-error" role="alert">
                {pathProblem}
              </span>
            )}
          </label>
          {nativeDialogs && (
            <button type="button" className="button" onClick={() => void choosePath()}>
              Choose…
            </button>
          )}
        </div>
        <fieldset className="bundle-events">
          <legend className="field-label">
            Events to export
            {names.length > 0 && ` (${everyEvent ? `all ${names.length}` : `${ticked.length} of ${names.length}`})`}
          </legend>
          {events.length === 0 && (
            <p className="muted">The project has no events yet: the bundle will hold its integrations only.</p>
          )}
          {events.length > 1 && (
            <label className="checkbox bundle-all-events">
              <input
                type="checkbox"
                checked={everyEvent}
                ref={(box) => {
                  if (box) box.indeterminate = !everyEvent && !noEvent
                }}
                onChange={toggleAll}
              />
              All events
            </label>
          )}
          {events.map((event) => (
            <label key={event.id} className="checkbox">
              <input type="checkbox" checked={!unticked.includes(event.name)} onChange={() => toggle(event.name)} />
              <span className="mono">{event.name}</span> <span className="muted">{event.label}</span>
            </label>
          ))}
        </fieldset>
        {noEvent && (
          <p className="field-error" role="alert">
            Tick at least one event to export.
          </p>
        )}
        {!noEvent && scan === null && !error && <p className="muted">Checking what would leave…</p>}
        {blocked && (
          <FindingList
            tone="error"
            title="Secrets found: remove them before exporting"
            findings={scan?.secrets ?? []}
          />
        )}
        {scan && scan.personalData.length > 0 && (
          <>
            <FindingList
              tone="warning"
              title="Personal data in test cases (exported as is unless redacted)"
              findings={scan.personalData}
            />
            <label className="checkbox bundle-redact">
              <input type="checkbox" checked={redact} onChange={(event) => setRedact(event.target.checked)} />
              Redact it: replace these values in the exported payloads with stand-ins, and make the expected outputs
              again through the engine so the test cases still pass (the project keeps the originals)
            </label>
          </>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {existingFile && (
        <ConfirmDialog
          title="Replace existing file?"
          message={`${existingFile} already exists. Replacing it overwrites that bundle with this export.`}
          confirmLabel="Replace"
          onCancel={() => setExistingFile(null)}
          onConfirm={() => {
            setExistingFile(null)
            void exportTo(true)
          }}
        />
      )}
    </Dialog>
  )
}

/** Why a typed path cannot name a bundle file: none typed, a folder, or a name without the bundle's ending. */
function bundlePathProblem(path: string): string | null {
  if (path === '') return 'Type where the bundle goes, such as /home/you/bundles/shop.capmap.json.'
  if (namesAFolder(path)) return `${path} is a folder: add a file name after it, such as shop.capmap.json.`
  if (!/\.capmap\.json$/i.test(path)) {
    return `A bundle file ends in .capmap.json: ${path.replace(/(\.capmap)?(\.json)?$/i, '')}.capmap.json, say.`
  }
  return null
}
