import { describe, expect, it } from 'vitest'
import { inferSchema } from '../../../../shared/engine/inferSchema'
import orderPayload from './fixtures/custom-app-order-with-items.json'
import promotionPayload from './fixtures/webengage-promotion-viewed-nested.json'

const field = (schema: ReturnType<typeof inferSchema>, path: string) =>
  schema.fields.find((entry) => entry.path === path)

describe('inferSchema', () => {
  it('lists every path, quoting keys with spaces', () => {
    const schema = inferSchema([promotionPayload])
    expect(schema.fields.map((entry) => entry.path)).toEqual(
      expect.arrayContaining(['event_name', 'event_data', 'event_data["Promotion ID"]', 'system_data.sdk'])
    )
  })

  it('walks lists under [*] and counts their elements', () => {
    const schema = inferSchema([orderPayload])
    expect(field(schema, 'order.items[*].sku')).toMatchObject({
      occurrences: 2,
      presence: 1,
      examples: ['TSHIRT-BLK-M', 'CAP-RED']
    })
  })

  it('recognises formats: epoch times, mobiles, emails, numeric text, dates', () => {
    const schema = inferSchema([orderPayload, promotionPayload])
    expect(field(schema, 'occurred_at')?.formats).toEqual({ epochMillis: 1 })
    expect(field(schema, 'customer.mobile')?.formats).toEqual({ mobile: 1 })
    expect(field(schema, 'customer.email')?.formats).toEqual({ email: 1 })
    expect(field(schema, 'order.items[*].unit_price')?.formats).toEqual({ numericText: 2 })
    expect(field(schema, 'event_time')?.formats).toEqual({ date: 1 })
  })

  it('gives the share of payloads that have each path', () => {
    const schema = inferSchema([orderPayload, promotionPayload])
    expect(schema.payloadCount).toBe(2)
    expect(field(schema, 'order.number')?.presence).toBe(0.5)
  })

  it('counts the types it sees', () => {
    expect(field(inferSchema([{ a: 1 }, { a: '1' }, { a: null }]), 'a')?.types).toEqual({
      number: 1,
      string: 1,
      null: 1
    })
  })

  it('spots likely enums: repeated text with few values', () => {
    const payloads = ['push', 'email', 'push', 'sms', 'push', 'email'].map((channel) => ({ channel }))
    expect(field(inferSchema(payloads), 'channel')).toMatchObject({
      likelyEnum: true,
      enumValues: ['push', 'email', 'sms']
    })
    expect(field(inferSchema([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]), 'id')?.likelyEnum).toBe(false)
  })
})
