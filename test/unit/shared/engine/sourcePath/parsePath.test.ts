import { describe, expect, it } from 'vitest'
import { formatPath, parsePath } from '../../../../../shared/engine/sourcePath/parsePath'

const segmentsOf = (text: string) => {
  const parsed = parsePath(text)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.path.segments
}

describe('parsePath', () => {
  it('reads dotted keys', () => {
    expect(segmentsOf('event_data.city')).toEqual([{ key: 'event_data' }, { key: 'city' }])
  })

  it('reads array indexes, negative ones from the end', () => {
    expect(segmentsOf('items[0].sku')).toEqual([{ key: 'items' }, { index: 0 }, { key: 'sku' }])
    expect(segmentsOf('items[-1]')).toEqual([{ key: 'items' }, { index: -1 }])
  })

  it('reads every element as [*]', () => {
    expect(segmentsOf('items[*].qty')).toEqual([{ key: 'items' }, { every: true }, { key: 'qty' }])
  })

  it('reads quoted keys with spaces, dots and escapes', () => {
    expect(segmentsOf('event_data["Product Name"]')).toEqual([{ key: 'event_data' }, { key: 'Product Name' }])
    expect(segmentsOf('["a.b"]')).toEqual([{ key: 'a.b' }])
    expect(segmentsOf("['it\\'s']")).toEqual([{ key: "it's" }])
    expect(segmentsOf('["say \\"hi\\""]')).toEqual([{ key: 'say "hi"' }])
  })

  it('lets a bare key hold inner spaces', () => {
    expect(segmentsOf('event_data.Promotion ID')).toEqual([{ key: 'event_data' }, { key: 'Promotion ID' }])
  })

  it('marks a leading $ as reading the whole payload', () => {
    expect(parsePath('$.customer.mobile')).toEqual({
      ok: true,
      path: { fromPayloadRoot: true, segments: [{ key: 'customer' }, { key: 'mobile' }] }
    })
    expect(parsePath('$[0]')).toEqual({ ok: true, path: { fromPayloadRoot: true, segments: [{ index: 0 }] } })
  })

  it.each(['', 'a..b', 'a.', '.a', 'a[', 'a[x]', 'a["b"', 'a[0]b', 'a ["b"]', '["a"'])(
    'refuses %j, saying where',
    (text) => {
      const parsed = parsePath(text)
      expect(parsed.ok).toBe(false)
    }
  )

  it('names the position of the mistake', () => {
    expect(parsePath('a..b')).toEqual({ ok: false, error: expect.stringContaining('position 3') })
  })
})

describe('formatPath', () => {
  it('quotes keys that need it and round-trips', () => {
    const path = {
      fromPayloadRoot: false,
      segments: [{ key: 'event_data' }, { key: 'Product Name' }, { index: 2 }, { every: true as const }]
    }
    expect(formatPath(path)).toBe('event_data["Product Name"][2][*]')
    expect(parsePath(formatPath(path))).toEqual({ ok: true, path })
  })

  it('writes the payload root as $', () => {
    expect(formatPath({ fromPayloadRoot: true, segments: [{ key: 'a' }] })).toBe('$.a')
  })
})
