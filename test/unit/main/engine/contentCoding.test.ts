import { brotliCompressSync, deflateRawSync, deflateSync, gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import {
  applyContentCoding,
  maxDecodedBytes,
  removeContentCoding,
  type RemovedCoding
} from '../../../../main/engine/contentCoding'

const json = Buffer.from('{"event_name":"gz","v":1}')

function contentOf(removed: RemovedCoding): string {
  if (!removed.ok) throw new Error(removed.error)
  return Buffer.from(removed.content).toString('utf8')
}

function errorOf(removed: RemovedCoding): string {
  if (removed.ok) throw new Error('the coding was removed')
  return removed.error
}

describe('removeContentCoding', () => {
  it.each([
    ['gzip', gzipSync(json)],
    ['x-gzip', gzipSync(json)],
    ['GZip', gzipSync(json)],
    ['deflate', deflateSync(json)],
    ['br', brotliCompressSync(json)],
    ['identity', json],
    ['', json]
  ])('removes %j', (contentEncoding, body) => {
    expect(contentOf(removeContentCoding(body, contentEncoding))).toBe(json.toString())
  })

  it('reads deflate sent raw, without the zlib wrapper, as browsers do', () => {
    expect(contentOf(removeContentCoding(deflateRawSync(json), 'deflate'))).toBe(json.toString())
  })

  it('undoes stacked codings in reverse order of the header, identity anywhere ignored', () => {
    const body = brotliCompressSync(gzipSync(json))
    const removed = removeContentCoding(body, 'gzip, identity,br')
    expect(contentOf(removed)).toBe(json.toString())
    expect(removed).toMatchObject({ codings: ['gzip', 'br'] })
    // Read the other way round, the last coding named (gzip) is removed first, and the bytes are not gzip.
    expect(errorOf(removeContentCoding(body, 'br, gzip'))).toMatch(/^The body is declared gzip-encoded but could not/)
  })

  it('says so in words when the data is corrupt', () => {
    expect(errorOf(removeContentCoding(Buffer.from('{"not":"gzip"}'), 'gzip'))).toBe(
      'The body is declared gzip-encoded but could not be decompressed: incorrect header check'
    )
    expect(errorOf(removeContentCoding(gzipSync(json).subarray(0, 12), 'gzip'))).toBe(
      'The body is declared gzip-encoded but could not be decompressed: unexpected end of file'
    )
    expect(errorOf(removeContentCoding(Buffer.from('not deflate at all'), 'deflate'))).toMatch(
      /^The body is declared deflate-encoded but could not be decompressed: \S/
    )
    expect(errorOf(removeContentCoding(Buffer.from('not brotli at all'), 'br'))).toMatch(
      /^The body is declared br-encoded but could not be decompressed: \S/
    )
  })

  it('names a coding it does not read', () => {
    expect(errorOf(removeContentCoding(json, 'zstd'))).toBe(
      'The body is declared in the content coding "zstd", which the studio does not read (it reads gzip, deflate and br)'
    )
    expect(errorOf(removeContentCoding(json, 'gzip, compress'))).toMatch(/content coding "compress"/)
  })

  it('gives an empty body as empty whatever its coding, one it does not read included', () => {
    for (const coding of ['gzip', 'zstd', 'gzip, gzip, gzip']) {
      expect(removeContentCoding(new Uint8Array(), coding)).toEqual({
        ok: true,
        content: new Uint8Array(),
        codings: []
      })
    }
  })

  it('reads at most two codings on one body: each more is only work for the reader', () => {
    const thrice = gzipSync(gzipSync(gzipSync(json)))
    expect(errorOf(removeContentCoding(thrice, 'gzip, gzip, gzip'))).toBe(
      'The body is declared in 3 content codings; the studio reads at most 2'
    )
  })

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync]
  ])('stops a %s decompression bomb at the bound, in words', (contentEncoding, compress) => {
    const bomb = compress(Buffer.alloc(4 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(8 * 1024)
    const removed = removeContentCoding(bomb, contentEncoding, 1024 * 1024)
    expect(removed).toMatchObject({ ok: false, overLimit: true })
    expect(errorOf(removed)).toBe(`The body is declared ${contentEncoding}-encoded and decompresses to more than 1 MiB`)
  })

  it('bounds every body by default at the largest body limit a listener may have', () => {
    expect(maxDecodedBytes).toBe(100 * 1024 * 1024)
    const bomb = gzipSync(Buffer.alloc(maxDecodedBytes + 1))
    expect(errorOf(removeContentCoding(bomb, 'gzip'))).toMatch(/decompresses to more than 100 MiB/)
  })
})

describe('applyContentCoding', () => {
  it('codes content in the order given, so that removing the same header gives it back', () => {
    const coded = applyContentCoding(json, ['deflate', 'br'])
    expect(Buffer.from(coded).equals(json)).toBe(false)
    expect(contentOf(removeContentCoding(coded, 'deflate, br'))).toBe(json.toString())
  })

  it('writes gzip that any gzip reader reads', () => {
    expect(gunzipSync(applyContentCoding(json, ['gzip'])).toString()).toBe(json.toString())
  })

  it('leaves content without codings as it is', () => {
    expect(applyContentCoding(json, [])).toBe(json)
  })
})
