import { formatBytes } from '../../shared/model/formatBytes'
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
 * At most this many bytes come out of decoding a stored body: the largest body limit a listener may have. The listener
 * itself bounds a body's content by its own limit, and does not keep a body whose content is over it (a decompression
 * bomb: a few KiB that inflate to gigabytes), so what is stored always decodes within this bound.
 */
export const maxDecodedBytes = 100 * 1024 * 1024

/** Codings on one body: one is the norm, two is already rare; each more is only work for the reader. */
const maxCodings = 2

export type RemovedCoding =
  | { ok: true; content: Uint8Array; codings: ContentCoding[] }
  /** `overLimit`: the content is larger than the limit (the body is fine otherwise). */
  | { ok: false; error: string; overLimit?: true }

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
  if (body.length === 0) return { ok: true, content: body, codings: [] }
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
  if (codings.length > maxCodings) {
    return {
      ok: false,
      error: `The body is declared in ${codings.length} content codings; the studio reads at most ${maxCodings}`
    }
  }
  let content = body
  for (const coding of [...codings].reverse()) {
    try {
      content = decompress(content, coding, { maxOutputLength: limitBytes })
    } catch (error) {
      return { ok: false, error: failure(coding, error, limitBytes), ...(tooLarge(error) ? { overLimit: true } : {}) }
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
    return `The body is declared ${coding}-encoded and decompresses to more than ${formatBytes(limitBytes)}`
  }
  const reason = error instanceof Error ? error.message : String(error)
  return `The body is declared ${coding}-encoded but could not be decompressed: ${reason}`
}

function tooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE'
}
