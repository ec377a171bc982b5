import { searchedCharsPerBody } from '../../shared/model/captureInbox'
import type { NameValue } from '../../shared/model/capture'
import { decodeBody, mediaType } from '../../shared/engine/decode'
import { capturedContent } from '../engine/decodeCapturedBody'

/** At most this much of a body's text is indexed (the inbox says so when a search finds nothing). */
const maxIndexedChars = searchedCharsPerBody

const textDecoder = new TextDecoder()

export interface SearchableCapture {
  method: string
  path: string
  query: readonly NameValue[]
  sourceEvent: string | null
  contentType: string | null
  /** The headers as stored: Content-Encoding says how to read the body. */
  headers: readonly NameValue[]
  body: Uint8Array | null
}

/**
 * What full-text search finds a capture by: method, path, query, source event and the body's text, its content
 * coding removed (a gzip body is found by the words inside it). Forms are searched by their decoded fields (a
 * person types "Asha Rao", not "Asha+Rao"); every other body by its text.
 */
export function captureSearchText(capture: SearchableCapture): string {
  const query = capture.query.map(([name, value]) => `${name} ${value}`).join(' ')
  const head = `${capture.method} ${capture.path} ${query} ${capture.sourceEvent ?? ''}`
  if (capture.body === null || capture.body.length === 0) return head
  const content = capturedContent(capture.body, capture.headers)
  if (!content.ok) return head
  const bytes = content.content.subarray(0, maxIndexedChars * 4)
  if (mediaType(capture.contentType ?? undefined).kind === 'form') {
    const decoded = decodeBody(bytes, capture.contentType ?? undefined)
    const fields = Object.entries((decoded.value ?? {}) as Record<string, unknown>)
    return `${head} ${fields.map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(' ') : String(value)}`).join(' ')}`
  }
  return `${head} ${textDecoder.decode(bytes).slice(0, maxIndexedChars)}`
}

/** A capture as its row in `captures` holds what search reads (the query as JSON text). */
export interface SearchableCaptureRow {
  seq: number
  method: string
  path: string
  query: string
  source_event: string | null
  content_type: string | null
  /** The headers as JSON text. */
  headers: string
  body: Uint8Array | null
}

/** The columns of `captures` a SearchableCaptureRow reads. */
export const searchableCaptureColumns = 'seq, method, path, query, source_event, content_type, headers, body'

/** What full-text search finds a stored capture by (captureSearchText of its row). */
export function searchTextOfRow(row: SearchableCaptureRow): string {
  return captureSearchText({
    method: row.method,
    path: row.path,
    query: JSON.parse(row.query) as NameValue[],
    sourceEvent: row.source_event,
    contentType: row.content_type,
    // Only Content-Encoding matters here, and most captures have none: their headers need not be parsed.
    headers: /content-encoding/i.test(row.headers) ? (JSON.parse(row.headers) as NameValue[]) : [],
    body: row.body
  })
}
