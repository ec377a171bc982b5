import { FileText, Folder, FolderUp } from 'lucide-react'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { DirectoryListing } from '../../../shared/api/types'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'

export type PathDialogPurpose = 'open' | 'new' | 'saveAs'

const titles: Record<PathDialogPurpose, { title: string; action: string }> = {
  open: { title: 'Open project', action: 'Open' },
  new: { title: 'New project', action: 'Create' },
  saveAs: { title: 'Save project as', action: 'Save' }
}

/**
 * Web mode's file dialog: a browser cannot show this machine's files, so the studio lists folders and project
 * files itself, takes a typed path, and offers the recent projects.
 */
export function ProjectPathDialog({ purpose, onClose }: { purpose: PathDialogPurpose; onClose(): void }) {
  const { api, project } = useStudio()
  const recent = useStudioStore(
    (s) => s.project,
    (state) => state.recent
  )
  const [listing, setListing] = useState<DirectoryListing | null>(null)
  // Beside the open project at once, so the field never changes under the user's typing; else once the home folder
  // is known, unless they have typed by then.
  const [path, setPath] = useState(() => suggestedPath(purpose, project.getState().project))
  const typed = useRef(false)
  const [error, setError] = useState<string | null>(null)
  const [lockedPath, setLockedPath] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const browse = async (folder?: string) => {
    const result = await api.listDirectory(folder === undefined ? {} : { path: folder })
    if (result.ok) setListing(result.value)
    else setError(result.error.message)
  }

  // Once, when the dialog opens: a failed save must not put the default back over what the user typed.
  useEffect(() => {
    const current = project.getState().project
    void api.listDirectory(current ? { path: folderOf(current.path) } : {}).then((result) => {
      if (!result.ok) return
      setListing(result.value)
      if (!current && !typed.current) setPath(suggestedPath(purpose, null, result.value.path))
    })
  }, [api, project, purpose])

  const submit = async (event?: FormEvent, readOnly = false) => {
    event?.preventDefault()
    if (!path.trim()) return setError('Type a file path, or pick a file from the list.')
    setBusy(true)
    const state = project.getState()
    const result =
      purpose === 'open'
        ? await state.open(path, readOnly)
        : purpose === 'new'
          ? await state.newProject(path)
          : await state.saveAs(path)
    setBusy(false)
    if (result.ok) return onClose()
    setError(result.error.message)
    setLockedPath(result.error.code === 'project_locked' ? path : null)
  }

  const { title, action } = titles[purpose]
  return (
    <Dialog
      title={title}
      description={
        purpose === 'open' ? 'Pick a project file (*.capmap) or type its path.' : 'Type where the project file goes.'
      }
      onClose={onClose}
      wide
      footer={
        <>
          {lockedPath && (
            <button type="button" className="button" onClick={() => void submit(undefined, true)}>
              Open read-only
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="path-dialog-form" className="button button-primary" disabled={busy}>
            {action}
          </button>
        </>
      }
    >
      <form id="path-dialog-form" onSubmit={(event) => void submit(event)} className="path-form">
        <label className="field">
          <span className="field-label">File path</span>
          <input
            className="input"
            value={path}
            autoFocus
            spellCheck={false}
            onChange={(event) => {
              typed.current = true
              setPath(event.target.value)
              setError(null)
            }}
            placeholder="/home/you/projects/brand.capmap"
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      <div className="path-panes">
        <section aria-label="Folder" className="path-pane">
          <div className="path-pane-header" title={listing?.path}>
            <button
              type="button"
              className="icon-button"
              aria-label="Parent folder"
              disabled={!listing?.parent}
              onClick={() => listing?.parent && void browse(listing.parent)}
            >
              <FolderUp size={15} />
            </button>
            {/* Cut at its start (right to left), the path itself read left to right: its slashes stay in place. */}
            <span className="path-current">
              <bdi dir="ltr">{listing?.path ?? '…'}</bdi>
            </span>
          </div>
          <ul className="path-list">
            {listing?.entries.length === 0 && <li className="muted path-empty">No folders or projects here.</li>}
            {listing?.entries.map((entry) => (
              <li key={entry.path}>
                <button
                  type="button"
                  className="path-entry"
                  onClick={() => {
                    if (entry.kind === 'directory') {
                      void browse(entry.path)
                      if (purpose !== 'open') setPath(`${entry.path}/${path.split(/[/\\]/).pop() ?? 'Untitled.capmap'}`)
                    } else setPath(entry.path)
                  }}
                  onDoubleClick={() => entry.kind === 'project' && purpose === 'open' && void submit()}
                >
                  {entry.kind === 'directory' ? <Folder size={14} /> : <FileText size={14} />} {entry.name}
                </button>
              </li>
            ))}
          </ul>
        </section>
        {purpose === 'open' && (
          <section aria-label="Recent projects" className="path-pane">
            <div className="path-pane-header">Recent</div>
            <ul className="path-list">
              {recent.length === 0 && <li className="muted path-empty">Projects you open appear here.</li>}
              {recent.map((entry) => (
                <li key={entry.path}>
                  <button
                    type="button"
                    className="path-entry"
                    disabled={!entry.exists}
                    title={entry.path}
                    onClick={() => setPath(entry.path)}
                  >
                    <FileText size={14} /> {entry.name}
                    {!entry.exists && <span className="muted"> (missing)</span>}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Dialog>
  )
}

const folderOf = (path: string): string => path.replace(/[/\\][^/\\]*$/, '')

/** Where a new file goes by default: beside the open project (or in `folder`), as Untitled or a copy of it. */
function suggestedPath(
  purpose: PathDialogPurpose,
  current: { path: string; name: string } | null,
  folder = current ? folderOf(current.path) : undefined
): string {
  if (purpose === 'open' || folder === undefined) return ''
  return `${folder}/${purpose === 'new' ? 'Untitled' : `${current?.name ?? 'Project'} copy`}.capmap`
}
