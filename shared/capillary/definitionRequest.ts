import type { EventDraft } from '../model/event'
import { eventDefinitionBody, type EventDefinitionBody } from './eventDefinitionBody'

/** One call to Capillary's API, relative to the cluster host (notes §4: curl samples use `https://{host}/v2/...`). */
export type DefinitionRequest = {
  method: 'POST' | 'PUT'
  path: string
  query?: Record<string, string>
  body?: EventDefinitionBody
}

export type DefinitionRequestOptions = {
  /** `create` when the event is new in the org, `replace` when it exists there already. */
  mode: 'create' | 'replace'
  /** Standard events only: also enable Capillary's default WebEngage mapping (SLATE:L317; ORG1). */
  useStandardAdapterMappings?: boolean
}

const eventsPath = '/v2/events'

/**
 * The requests that send an event's definition to Capillary, in order. (Publishing itself is a button in InTouch:
 * no publish endpoint is documented, notes §1.)
 * - Custom event: `POST /v2/events` to create it (SLATE:L6), or `PUT /v2/events` to replace it whole (SLATE:L151):
 *   "Fields that you do not pass … will be removed automatically".
 * - Standard event: `POST /v2/events/standard_events/enable?event_name=X` with no body (SLATE:L317), then, only if
 *   custom attributes were added, the whole-definition `PUT /v2/events`. When it exists already, only the `PUT`.
 */
export const definitionRequests = (draft: EventDraft, options: DefinitionRequestOptions): DefinitionRequest[] => {
  const replace: DefinitionRequest = { method: 'PUT', path: eventsPath, body: eventDefinitionBody(draft) }
  if (draft.kind === 'custom') {
    return options.mode === 'create'
      ? [{ method: 'POST', path: eventsPath, body: eventDefinitionBody(draft) }]
      : [replace]
  }
  if (options.mode === 'replace') return [replace]
  const enable: DefinitionRequest = {
    method: 'POST',
    path: `${eventsPath}/standard_events/enable`,
    query: {
      event_name: draft.name,
      ...(options.useStandardAdapterMappings === true ? { use_standard_adapter_mappings: 'true' } : {})
    }
  }
  const hasCustomAttributes = draft.attributes.some((attribute) => !attribute.standard)
  return hasCustomAttributes ? [enable, replace] : [enable]
}
