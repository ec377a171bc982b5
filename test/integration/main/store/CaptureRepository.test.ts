import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CaptureRepository, matchExpression, type NewCapture } from '../../../../main/store/CaptureRepository'
import { openProjectDatabase, type ProjectDatabase } from '../../../../main/store/database'
import { IntegrationRepository } from '../../../../main/store/IntegrationRepository'
import { customIntegrationDraft } from '../../support/integrationDraft'
import { jsonCapture } from '../../support/jsonCapture'
import { createTemporaryFolder } from '../../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>
let path: string
let db: ProjectDatabase
let captures: CaptureRepository
let shopId: string

beforeEach(() => {
  folder = createTemporaryFolder('captures-store')
  path = join(folder.path, 'Captures.capmap')
  db = openProjectDatabase(path, { create: true })
  captures = new CaptureRepository(db)
  shopId = 'integration-shop'
  new IntegrationRepository(db).insert(shopId, customIntegrationDraft('Shop', 'shop'), '2026-11-28T00:00:00.000Z')
})

afterEach(() => {
  if (db.open) db.close()
  folder.remove()
})

function capture(overrides: Partial<NewCapture> & { text?: string } = {}): NewCapture {
  const { text = '{"event_name":"x"}', ...rest } = overrides
  return jsonCapture(text, { integrationId: shopId, integrationSlug: 'shop', sourceEvent: 'x', ...rest })
}

describe('CaptureRepository', () => {
  it('stores a group in one go, answering increasing ids in the order given', () => {
    const ids = captures.insert([capture({ text: 'a' }), capture({ text: 'b' }), capture({ text: 'c' })])
    expect(ids.map(Number)).toEqual([1, 2, 3])
    expect(ids.map((id) => captures.get(id)?.body?.toString())).toEqual(['a', 'b', 'c'])
  })

  it('keeps a group all or nothing', () => {
    const unreadable = capture({ receivedAt: null as unknown as string })
    expect(() => captures.insert([capture(), unreadable])).toThrow(/NOT NULL constraint failed: captures.received_at/)
    expect(captures.count()).toBe(0)
  })

  it('gives back every byte and field it was given', () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254])
    const [id] = captures.insert([
      capture({
        body: bytes,
        size: 5,
        query: [['a', '1']],
        headers: [['X-One', 'v']],
        verification: { scheme: 'webengage', outcome: 'failed', reason: 'no' },
        status: 'rejected',
        statusReason: 'no',
        responseStatus: 401,
        redacted: true
      })
    ])
    expect(captures.get(id ?? '')).toMatchObject({
      id,
      query: [['a', '1']],
      headers: [['X-One', 'v']],
      verification: { scheme: 'webengage', outcome: 'failed', reason: 'no' },
      verdict: 'failed',
      status: 'rejected',
      responseStatus: 401,
      redacted: true,
      integration: 'shop',
      integrationId: shopId
    })
    expect(captures.get(id ?? '')?.body?.equals(bytes)).toBe(true)
  })

  it('answers nothing for an id it does not have, or one that is not an id', () => {
    expect(captures.get('42')).toBeUndefined()
    expect(captures.get('abc')).toBeUndefined()
    // 19 digits, past SQLite's largest rowid: not an id either, rather than an error binding it.
    expect(captures.get('9223372036854775808')).toBeUndefined()
    expect(captures.delete(['9223372036854775808', '9999999999999999999'])).toBe(0)
  })

  it('reads a cursor past the largest rowid as "below everything", and a NUL in a search as a space', () => {
    captures.insert([capture({ text: '{"city":"Pune","sku":"A1"}' }), capture({ text: '{"city":"Delhi"}' })])
    expect(captures.list({ limit: 10, cursor: '9999999999999999999' }).items).toHaveLength(2)
    expect(captures.list({ limit: 10, search: 'Pune\u0000A1' }).items).toHaveLength(1)
    expect(captures.list({ limit: 10, search: '\u0000' }).items).toHaveLength(2)
  })

  describe('listing', () => {
    it('pages newest first by keyset, every capture once', () => {
      captures.insert(Array.from({ length: 25 }, (_, n) => capture({ text: String(n) })))
      const seen: string[] = []
      let cursor: string | undefined
      do {
        const page = captures.list({ limit: 10, ...(cursor ? { cursor } : {}) })
        seen.push(...page.items.map((item) => item.id))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      expect(seen).toEqual(Array.from({ length: 25 }, (_, n) => String(25 - n)))
    })

    it('keeps its place when newer captures arrive between pages', () => {
      captures.insert(Array.from({ length: 6 }, () => capture()))
      const first = captures.list({ limit: 3 })
      captures.insert([capture(), capture()])
      const second = captures.list({ limit: 3, cursor: first.nextCursor ?? '' })
      expect(second.items.map((item) => item.id)).toEqual(['3', '2', '1'])
    })

    it('filters by integration, by none (unmatched), by status, source event and time', () => {
      captures.insert([
        capture({ receivedAt: '2026-11-28T09:00:00.000Z' }),
        capture({ integrationId: null, integrationSlug: null, status: 'unmatched', sourceEvent: null }),
        capture({ status: 'invalid', responseStatus: 400, sourceEvent: 'y', receivedAt: '2026-11-28T11:00:00.000Z' })
      ])
      const ids = (filter: Parameters<CaptureRepository['list']>[0]) =>
        captures.list(filter).items.map((item) => item.id)
      expect(ids({ limit: 10, integrationId: shopId })).toEqual(['3', '1'])
      expect(ids({ limit: 10, integrationId: null })).toEqual(['2'])
      expect(ids({ limit: 10, statuses: ['invalid', 'unmatched'] })).toEqual(['3', '2'])
      expect(ids({ limit: 10, sourceEvent: 'x' })).toEqual(['1'])
      expect(ids({ limit: 10, from: '2026-11-28T09:30:00Z', to: '2026-11-28T10:30:00Z' })).toEqual(['2'])
    })
  })

  describe('full-text search', () => {
    it('finds captures holding every word, newest first', () => {
      captures.insert([
        capture({ text: '{"city":"Pune","sku":"TSHIRT-BLK-M"}' }),
        capture({ text: '{"city":"Pune","sku":"CAP-RED"}' }),
        capture({ text: '{"city":"Delhi","sku":"TSHIRT-BLK-M"}' })
      ])
      const ids = (search: string) => captures.list({ limit: 10, search }).items.map((item) => item.id)
      expect(ids('pune')).toEqual(['2', '1'])
      expect(ids('Pune TSHIRT-BLK-M')).toEqual(['1'])
      expect(ids('tshirt-blk-m')).toEqual(['3', '1'])
      expect(ids('mumbai')).toEqual([])
    })

    it('searches paths and query parameters too', () => {
      captures.insert([capture({ path: '/hooks/other', query: [['eventType', 'Added To Cart']] })])
      expect(captures.list({ limit: 10, search: 'other' }).items).toHaveLength(1)
      expect(captures.list({ limit: 10, search: 'eventType' }).items).toHaveLength(1)
    })

    it('searches a form by its decoded fields', () => {
      captures.insert([
        capture({
          contentType: 'application/x-www-form-urlencoded',
          bodyKind: 'form',
          text: 'name=Asha+Rao&city=Pune%20East'
        })
      ])
      expect(captures.list({ limit: 10, search: 'Asha Rao' }).items).toHaveLength(1)
      expect(captures.list({ limit: 10, search: 'East' }).items).toHaveLength(1)
    })

    it('takes search text literally: FTS5 operators in it change nothing and never fail', () => {
      captures.insert([capture({ text: 'the AND operator said "hi" NEAR here' })])
      for (const search of ['AND', '"hi"', 'NEAR(', 'said*', 'text:hi', '-', '(((', '""']) {
        expect(() => captures.list({ limit: 10, search })).not.toThrow()
      }
      expect(captures.list({ limit: 10, search: 'operator AND' }).items).toHaveLength(1)
      expect(matchExpression('ab "b" c')).toBe('"ab"* """b""" "c"')
      // One character is a whole word: as a prefix it would read most of the index.
      expect(matchExpression('é 1')).toBe('"é" "1"')
      // Counted on the token FTS5 would take as the prefix, not on quotes or punctuation around it.
      expect(matchExpression('"a a, x-b ab,')).toBe('"""a" "a," "x-b" "ab,"*')
      expect(matchExpression('  ')).toBeUndefined()
    })

    describe('by the start of a word', () => {
      const order =
        '{"event_name":"Added To Cart","user_id":"919663673779","event_data":{"skuCode":"14572567","brand":"Oberoi"}}'
      const ids = (search: string) => captures.list({ limit: 10, search }).items.map((item) => item.id)

      beforeEach(() => {
        captures.insert([
          capture({ text: order }),
          capture({ text: '{"event_name":"Promotion Viewed","user_id":"918000000001","brand":"Taj"}' })
        ])
      })

      it('finds a number by its first digits: part of an id or of a phone number', () => {
        expect(ids('1457')).toEqual(['1'])
        expect(ids('9196636')).toEqual(['1'])
        expect(ids('91')).toEqual(['2', '1'])
        expect(ids('14572567')).toEqual(['1'])
      })

      it('finds a word by its first letters, whatever their case', () => {
        expect(ids('Obero')).toEqual(['1'])
        expect(ids('obERO')).toEqual(['1'])
        expect(ids('skuCod')).toEqual(['1'])
        expect(ids('sku')).toEqual(['1'])
        expect(ids('Promo')).toEqual(['2'])
      })

      it('requires every word, each found by its start', () => {
        expect(ids('Obero 1457')).toEqual(['1'])
        expect(ids('brand Obero')).toEqual(['1'])
        expect(ids('Obero 918')).toEqual([])
        expect(ids('Taj 1457')).toEqual([])
      })

      it('finds nothing by the middle or the end of a word, nor by a longer word', () => {
        expect(ids('4572567')).toEqual([])
        expect(ids('663673779')).toEqual([])
        expect(ids('Code')).toEqual([])
        expect(ids('Oberois')).toEqual([])
      })

      it('reads quotes, stars and punctuation typed around a word as separators, still matching its start', () => {
        expect(ids('"1457"')).toEqual(['1'])
        expect(ids('"Obero')).toEqual(['1'])
        expect(ids('Obero*')).toEqual(['1'])
        expect(ids('(skuCod)')).toEqual(['1'])
        expect(ids('user_id:9196636')).toEqual(['1'])
        expect(ids('"Added To"')).toEqual(['1'])
      })

      it('never lets FTS5 syntax typed by a person fail a search or widen it', () => {
        const typed = [
          '"',
          '*',
          '"""',
          'a"b',
          '1457"*',
          'Obero" OR "Taj',
          'Obero OR Taj',
          'NOT Taj',
          'Taj NOT Obero',
          'NEAR(Obero Taj)',
          'Obero + Taj',
          '^Obero',
          'text:Obero',
          '{text}:Obero',
          '- Obero',
          "\\ ' Obero",
          '(((Obero',
          '\u0000Obero\u0000*'
        ]
        for (const search of typed) expect(() => captures.list({ limit: 10, search }), search).not.toThrow()
        for (let code = 0x20; code < 0x7f; code += 1) {
          const character = String.fromCharCode(code)
          for (const search of [character, `${character}Obero`, `Obero${character}`, `"Obero${character}1457`]) {
            expect(() => captures.list({ limit: 10, search }), search).not.toThrow()
          }
        }
        expect(ids('Obero OR Taj')).toEqual([])
        expect(ids('Obero" OR "Taj')).toEqual([])
        expect(ids('NOT Taj')).toEqual([])
        expect(ids('Obero + Taj')).toEqual([])
      })

      it('finds by the start of a word read-only too, in pending captures as in indexed ones', () => {
        captures.indexPending()
        captures.insert([capture({ text: '{"brand":"Oberoi Grand","user_id":"919663600000"}' })])
        const reader = openProjectDatabase(path, { readOnly: true })
        try {
          const readOnly = new CaptureRepository(reader)
          expect(readOnly.list({ limit: 10, search: 'Obero' }).items.map((item) => item.id)).toEqual(['3', '1'])
          expect(readOnly.list({ limit: 10, search: '9196636' }).items.map((item) => item.id)).toEqual(['3', '1'])
          expect(readOnly.pendingIndex()).toBe(1)
          // Never by the middle of a word, pending or indexed: the same search finds the same captures once indexed.
          expect(readOnly.list({ limit: 10, search: '663600000' }).items).toEqual([])
          expect(readOnly.list({ limit: 10, search: 'rand' }).items).toEqual([])
          expect(readOnly.list({ limit: 10, search: 'Gran' }).items.map((item) => item.id)).toEqual(['3'])
          // Captures committed after its last search are found by the next one, and none twice once indexed.
          captures.insert([capture({ text: '{"brand":"Oberoi Udaivilas"}' })])
          expect(readOnly.list({ limit: 10, search: 'Obero' }).items.map((item) => item.id)).toEqual(['4', '3', '1'])
          captures.indexPending()
          expect(readOnly.list({ limit: 10, search: 'Obero' }).items.map((item) => item.id)).toEqual(['4', '3', '1'])
          expect(readOnly.list({ limit: 10, search: 'Udai' }).items.map((item) => item.id)).toEqual(['4'])
        } finally {
          reader.close()
        }
      })
    })

    it('pages search results by keyset', () => {
      captures.insert(Array.from({ length: 7 }, (_, n) => capture({ text: `match ${n}` })))
      const first = captures.list({ limit: 4, search: 'match' })
      const second = captures.list({ limit: 4, search: 'match', cursor: first.nextCursor ?? '' })
      expect([...first.items, ...second.items].map((item) => item.id)).toEqual(['7', '6', '5', '4', '3', '2', '1'])
      expect(second.nextCursor).toBeNull()
    })

    it('indexes what is pending before searching, and remembers how far across reopening', () => {
      captures.insert([capture({ text: 'alpha' }), capture({ text: 'beta' })])
      expect(captures.pendingIndex()).toBe(2)
      expect(captures.list({ limit: 10, search: 'beta' }).items.map((item) => item.id)).toEqual(['2'])
      expect(captures.pendingIndex()).toBe(0)
      db.close()
      db = openProjectDatabase(path)
      captures = new CaptureRepository(db)
      expect(captures.pendingIndex()).toBe(0)
      expect(captures.indexPending()).toBe(0)
      expect(captures.list({ limit: 10, search: 'alpha' }).items).toHaveLength(1)
    })

    it('indexes in slices up to a limit', () => {
      captures.insert(Array.from({ length: 450 }, () => capture()))
      expect(captures.indexPending(300)).toBe(300)
      expect(captures.pendingIndex()).toBe(150)
      expect(captures.indexPending()).toBe(150)
    })

    it('finds, read-only, the captures not yet indexed as well as the indexed ones', () => {
      captures.insert([capture({ text: 'indexed gamma' })])
      captures.indexPending()
      captures.insert([capture({ text: 'pending gamma' }), capture({ text: 'pending delta' })])
      const reader = openProjectDatabase(path, { readOnly: true })
      try {
        const readOnly = new CaptureRepository(reader)
        expect(readOnly.list({ limit: 10, search: 'gamma' }).items.map((item) => item.id)).toEqual(['2', '1'])
        expect(readOnly.list({ limit: 10, search: 'GAMMA pending' }).items.map((item) => item.id)).toEqual(['2'])
        expect(readOnly.list({ limit: 1, search: 'gamma', cursor: '2' }).items.map((item) => item.id)).toEqual(['1'])
        expect(readOnly.pendingIndex()).toBe(2)
      } finally {
        reader.close()
      }
    })

    it('forgets deleted captures', () => {
      const [id] = captures.insert([capture({ text: 'secret-ish omega' })])
      captures.indexPending()
      captures.delete([id ?? ''])
      expect(captures.list({ limit: 10, search: 'omega' }).items).toEqual([])
      expect(
        (db.prepare("SELECT count(*) AS n FROM captures_text WHERE captures_text MATCH 'omega'").get() as { n: number })
          .n
      ).toBe(0)
    })
  })

  describe('deleting', () => {
    it('deletes by id, answering how many', () => {
      const ids = captures.insert([capture(), capture(), capture()])
      expect(captures.delete([ids[0] ?? '', ids[2] ?? '', '999', 'nope'])).toBe(2)
      expect(captures.list({ limit: 10 }).items.map((item) => item.id)).toEqual([ids[1]])
    })

    it('deletes all, or all of one scope', () => {
      captures.insert([capture(), capture({ integrationId: null, integrationSlug: null }), capture()])
      expect(captures.deleteAll({ integrationId: null })).toBe(1)
      expect(captures.deleteAll({ integrationId: shopId })).toBe(2)
      captures.insert([capture()])
      expect(captures.deleteAll()).toBe(1)
    })

    it('never reuses an id', () => {
      const [first] = captures.insert([capture()])
      captures.deleteAll()
      const [second] = captures.insert([capture()])
      expect(Number(second)).toBeGreaterThan(Number(first))
    })

    it("keeps a deleted integration's captures, with the slug they arrived under", () => {
      const [id] = captures.insert([capture()])
      new IntegrationRepository(db).delete(shopId)
      expect(captures.get(id ?? '')).toMatchObject({ integrationId: null, integration: 'shop' })
    })

    it('stores a capture of an integration deleted since the listener read its routes, unattributed, with its group', () => {
      new IntegrationRepository(db).delete(shopId)
      const ids = captures.insert([capture({ text: 'late' }), capture({ text: 'other', integrationId: null })])
      expect(ids.map((id) => captures.get(id))).toMatchObject([
        { integrationId: null, integration: 'shop', body: Buffer.from('late') },
        { integrationId: null, body: Buffer.from('other') }
      ])
    })
  })

  describe('retention', () => {
    it('keeps the newest N of a scope, leaving other scopes alone', () => {
      captures.insert(Array.from({ length: 5 }, (_, n) => capture({ text: String(n) })))
      captures.insert([capture({ integrationId: null, integrationSlug: null })])
      expect(captures.prune({ integrationId: shopId }, { kind: 'count', count: 2 }, new Date())).toBe(3)
      expect(captures.list({ limit: 10, integrationId: shopId }).items.map((item) => item.id)).toEqual(['5', '4'])
      expect(captures.count({ integrationId: null })).toBe(1)
    })

    it('keeps the captures of the last N days', () => {
      captures.insert([
        capture({ receivedAt: '2026-11-20T10:00:00.000Z' }),
        capture({ receivedAt: '2026-11-26T10:00:00.000Z' }),
        capture({ receivedAt: '2026-11-28T09:00:00.000Z' })
      ])
      expect(
        captures.prune({ integrationId: shopId }, { kind: 'days', days: 3 }, new Date('2026-11-28T10:00:00Z'))
      ).toBe(1)
      expect(captures.count()).toBe(2)
    })

    it('deletes nothing when keeping all', () => {
      captures.insert([capture()])
      expect(captures.prune({ integrationId: shopId }, { kind: 'all' }, new Date())).toBe(0)
    })
  })
})
