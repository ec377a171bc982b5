import { vi } from 'vitest'
import { fail, ok } from '../../../../shared/api/result'
import type { RequestInput } from '../../../../shared/api/contract'
import type { OpenProject } from '../../../../shared/api/types'
import type { CaptureDetail, CaptureSummary } from '../../../../shared/model/capture'
import type { Integration } from '../../../../shared/model/integration'
import type { PayloadSample } from '../../../../shared/model/captureInbox'
import { MappingSpec, type Mapping } from '../../../../shared/model/mapping'

const fixtureTime = '2026-11-28T00:00:00.000Z'

/** An open project, as main reports it, for the mapping screen's tests. */
export const shopProject: OpenProject = {
  path: '/tmp/Shop.capmap',
  name: 'Shop',
  readOnly: false,
  schemaVersion: 2,
  lastSavedAt: null
}

/** A custom integration as main lists it. */
export const customIntegration = (
  id: string,
  name: string,
  slug: string,
  eventNameMap: Integration['eventNameMap'] = []
): Integration => ({
  id,
  name,
  slug,
  kind: 'custom',
  sourceAccount: '',
  eventNameField: 'event_name',
  eventNameMap,
  createdAt: fixtureTime,
  updatedAt: fixtureTime
})

/** A captured request of an integration, with a JSON body (the parts the designer reads). */
export function capture(id: string, integrationId: string, sourceEvent: string, body: unknown): CaptureDetail {
  const text = JSON.stringify(body)
  return {
    id,
    receivedAt: '2026-11-28T10:00:00.000Z',
    integrationId,
    integration: 'webengage',
    sourceEvent,
    method: 'POST',
    path: '/hooks/webengage',
    contentType: 'application/json',
    size: text.length,
    status: 'ok',
    statusReason: null,
    responseStatus: 200,
    verdict: 'not_checked',
    redacted: false,
    query: [],
    headers: [],
    remoteAddress: '127.0.0.1',
    verification: { scheme: 'none', outcome: 'not_checked' },
    bodyKind: 'json',
    bodyBase64: null,
    bodyText: text,
    contentText: text,
    parsed: body,
    decodeError: null,
    decodeWarnings: [],
    replayable: true
  }
}

/** An in-memory stand-in for the mapping and capture requests; inputs are parsed as main parses them. */
export function fakeMappingApi(initial: Mapping[] = [], captures: CaptureDetail[] = [], samples: PayloadSample[] = []) {
  let mappings = [...initial]
  let counter = 0
  return {
    listMappings: vi.fn(async () => ok(mappings)),
    saveMapping: vi.fn(async ({ integrationId, eventId, spec }: RequestInput<'saveMapping'>) => {
      const parsed = MappingSpec.parse(spec)
      const existing = mappings.find((entry) => entry.integrationId === integrationId && entry.eventId === eventId)
      const saved: Mapping = {
        ...parsed,
        id: existing?.id ?? `m${++counter}`,
        integrationId,
        eventId,
        createdAt: '2026-11-28T00:00:00.000Z',
        updatedAt: '2026-11-28T00:00:00.000Z'
      }
      mappings = existing ? mappings.map((entry) => (entry === existing ? saved : entry)) : [...mappings, saved]
      return ok(saved)
    }),
    deleteMapping: vi.fn(async ({ id }: RequestInput<'deleteMapping'>) => {
      mappings = mappings.filter((entry) => entry.id !== id)
      return ok({ id })
    }),
    listCaptures: vi.fn(async ({ integrationId }: RequestInput<'listCaptures'> = {}) => {
      const items: CaptureSummary[] = captures
        .filter((entry) => entry.integrationId === integrationId)
        .map(
          ({
            id,
            receivedAt,
            integrationId: owner,
            integration,
            sourceEvent,
            method,
            path,
            contentType,
            size,
            status,
            statusReason,
            responseStatus,
            verdict,
            redacted
          }) => ({
            id,
            receivedAt,
            integrationId: owner,
            integration,
            sourceEvent,
            method,
            path,
            contentType,
            size,
            status,
            statusReason,
            responseStatus,
            verdict,
            redacted
          })
        )
      return ok({ items, nextCursor: null })
    }),
    listPayloadSamples: vi.fn(async () => ok(samples)),
    getCapture: vi.fn(async ({ id }: RequestInput<'getCapture'>) => {
      const found = captures.find((entry) => entry.id === id)
      return found ? ok(found) : fail('not_found', 'That capture no longer exists.')
    })
  }
}
