import { quoteValue } from '../../shared/capillary/quoteValue'
import {
  brotliCompressSync,
  brotliDecompressSync,
  deflateSync,
  gunzipSync,
  gzipSync,
  inflateRawSync,
  inflateSync,
  type ZlibOptions
} from 'node:zlib'

/** The content codings a body may arrive in (RFC 9110 §8.4.1); `identity` is no coding and is dropped. */
export type ContentCoding = 'gzip' | 'deflate' | 'br'

/**
 * At most this many bytes come out of decoding a body. A fixed bound, not one derived from the listener's body limit,
 * so every reader of a stored capture (the listener, search, the relay, the inspector) decides the same way whatever
 * the settings are now: ten times the default 5 MiB limit holds any real webhook (JSON compresses about 10:1), while
 * a decompression bomb (a few KiB that inflate to gigabytes) stops here with an error rather than exhausting memory.
 */
export const maxDecodedBytes = 50 * 1024 * 1024

export type RemovedCoding = { ok: true; content: Uint8Array; codings: ContentCoding[] } | { ok: false; error: string }

const codingNames: Record<string, ContentCoding | 'identity'> = {
  identity: 'identity',
  gzip: 'gzip',
  // RFC 9110 §8.4.1.3: recipients treat x-gzip as gzip.
  'x-gzip': 'gzip',
  deflate: 'deflate',
  br: 'br'
}

/**
 * Removes the content codings a Content-Encoding header value names, the last applied first (RFC 9110 §8.4), giving
 * the bytes its Content-Type describes. An empty body is empty whatever its coding. Never throws: an unknown coding,
 * corrupt data or an output over `limitBytes` comes back as an error in words (a clause, without a full stop).
 */
export function removeContentCoding(
  body: Uint8Array,
  contentEncoding: string,
  limitBytes: number = maxDecodedBytes
): RemovedCoding {
  const codings: ContentCoding[] = []
  for (const token of contentEncoding.split(',')) {
    const name = token.trim().toLowerCase()
    if (name === '') continue
    const coding = Object.hasOwn(codingNames, name) ? codingNames[name] : undefined
    if (coding === undefined) {
      return {
        ok: false,
        error: `The body is declared in the content coding ${quoteValue(name)}, which the studio does not read (it reads gzip, deflate and br)`
      }
    }
    if (coding !== 'identity') codings.push(coding)
  }
  if (body.length === 0) return { ok: true, content: body, codings: [] }
  let content = body
  for (const coding of [...codings].reverse()) {
    try {
      content = decompress(content, coding, { maxOutputLength: limitBytes })
    } catch (error) {
      return { ok: false, error: failure(coding, error, limitBytes) }
    }
  }
  return { ok: true, content, codings }
}

/** Applies content codings in the order given: the inverse of removeContentCoding, for content changed meanwhile. */
export function applyContentCoding(content: Uint8Array, codings: readonly ContentCoding[]): Uint8Array {
  let body = content
  for (const coding of codings) body = compress(body, coding)
  return body
}

function decompress(body: Uint8Array, coding: ContentCoding, options: ZlibOptions): Uint8Array {
  switch (coding) {
    case 'gzip':
      return gunzipSync(body, options)
    case 'br':
      return brotliDecompressSync(body, options)
    case 'deflate':
      try {
        return inflateSync(body, options)
      } catch (error) {
        // Some senders send raw deflate without the zlib wrapper RFC 9110 asks for; browsers read both, so do we.
        if (tooLarge(error)) throw error
        try {
          return inflateRawSync(body, options)
        } catch (rawError) {
          throw tooLarge(rawError) ? rawError : error
        }
      }
  }
}

function compress(content: Uint8Array, coding: ContentCoding): Uint8Array {
  switch (coding) {
    case 'gzip':
      return gzipSync(content)
    case 'deflate':
      return deflateSync(content)
    case 'br':
      return brotliCompressSync(content)
  }
}

function failure(coding: ContentCoding, error: unknown, limitBytes: number): string {
  if (tooLarge(error)) {
    return `The body is declared ${coding}-encoded and decompresses to more than ${formatLimit(limitBytes)}, more than the studio reads`
  }
  const reason = error instanceof Error ? error.message : String(error)
  return `The body is declared ${coding}-encoded but could not be decompressed: ${reason}`
}

function tooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE'
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`
}
