import { ChevronDown, ChevronRight } from 'lucide-react'
import { useId, useState } from 'react'
import type { PublishRequestPreview } from '../../../shared/model/publish'
import { JsonView } from '../../editor/JsonView'
import { stepLabels } from './stepLabels'

/** The path and query as a person reads them: placeholders such as {webHookUri} stay readable, not URL-encoded. */
const target = (request: PublishRequestPreview) => {
  const query = Object.entries(request.query)
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
  return query ? `${request.path}?${query}` : request.path
}

/** Exactly what a publish will send, in order, secrets masked; each opens as read-only JSON. */
export function RequestPreviewList({ eventName, requests }: { eventName: string; requests: PublishRequestPreview[] }) {
  // The first request shows open: the definition is what a reviewer reads first.
  const [open, setOpen] = useState<number[]>(requests.length > 0 ? [0] : [])
  const baseId = useId()
  if (requests.length === 0) return <p className="muted">No request: the org already has {eventName} as ours.</p>
  return (
    <ol className="request-list">
      {requests.map((request, index) => {
        const expanded = open.includes(index)
        const label = `${request.method} ${target(request)}`
        return (
          <li key={`${request.step}-${index}`} className="request-item">
            <button
              type="button"
              className="request-toggle"
              aria-expanded={expanded}
              aria-controls={`${baseId}-${index}`}
              onClick={() => setOpen(expanded ? open.filter((entry) => entry !== index) : [...open, index])}
            >
              {expanded ? <ChevronDown size={14} aria-hidden /> : <ChevronRight size={14} aria-hidden />}
              <span className="chip chip-draft">{stepLabels[request.step]}</span>
              <span className="mono request-line">{label}</span>
            </button>
            {request.note && <p className="muted request-note">{request.note}</p>}
            {expanded && (
              <div id={`${baseId}-${index}`} className="request-json">
                <JsonView
                  label={`${eventName}: ${label}`}
                  height="220px"
                  value={{
                    method: request.method,
                    url: target(request),
                    headers: request.headers,
                    ...(request.body === undefined || request.body === null ? {} : { body: request.body })
                  }}
                />
              </div>
            )}
          </li>
        )
      })}
    </ol>
  )
}
