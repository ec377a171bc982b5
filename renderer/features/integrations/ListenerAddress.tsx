import { Copy } from 'lucide-react'
import { Fragment, type ReactNode } from 'react'
import { copyWithNotice } from '../../app/copyWithNotice'
import { useStudio, useStudioStore } from '../../app/StudioContext'

/**
 * Where the studio's listener receives an integration's payloads: the whole URL to paste into a sender (with a
 * button that copies it) while the listener runs, the path alone while it does not.
 */
export function ListenerAddress({ slug }: { slug: string }) {
  const { notifications } = useStudio()
  const listenerUrl = useStudioStore(
    (s) => s.listener,
    (state) => (state.status?.state === 'listening' ? state.status.url : null)
  )
  const path = `/hooks/${slug}`
  const url = listenerUrl ? `${listenerUrl.replace(/\/$/, '')}${path}` : null
  return (
    <div className="field">
      <span className="field-label" id="integration-listener-label">
        Local listener {url ? 'URL' : 'path'}
      </span>
      <span className="listener-address">
        <output
          className="listener-path mono"
          aria-labelledby="integration-listener-label"
          aria-describedby="integration-listener-note"
        >
          {breakableAfterSlashes(url ?? path)}
        </output>
        {url && (
          <button
            type="button"
            className="icon-button"
            title="Copy this URL"
            aria-label="Copy listener URL"
            onClick={() => url && void copyWithNotice(url, notifications)}
          >
            <Copy size={14} aria-hidden />
          </button>
        )}
      </span>
      <span className="field-hint" id="integration-listener-note">
        {url
          ? 'Where the studio’s listener receives this integration’s payloads: give it to the sender.'
          : 'Where the studio’s listener receives this integration’s payloads, once it listens (the status bar starts it).'}
      </span>
    </div>
  )
}

/** A URL that wraps after its slashes, where a reader expects it to, rather than inside a name (`book|ing-app`). */
function breakableAfterSlashes(address: string): ReactNode[] {
  return address.split('/').map((part, index, parts) => (
    <Fragment key={index}>
      {part}
      {index < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ))
}
