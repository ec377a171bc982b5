import { describe, expect, it } from 'vitest'
import { judgeDefinition } from '../../../../../main/capillary/sandbox/judgeDefinition'

const customer = {
  name: 'customer',
  type: 'CUSTOMER',
  attributes: {
    isRequired: { valueType: 'Boolean', value: 'true' },
    identifierType: { valueType: 'ENUM', value: 'mobile' }
  }
}
const body = (overrides: Record<string, unknown> = {}) => ({
  eventName: 'visit',
  actions: ['EIConsumer'],
  fields: [customer],
  ...overrides
})
const codes = (judged: ReturnType<typeof judgeDefinition>) =>
  judged.ok ? [] : judged.errors.map((error) => error.code)

describe('judgeDefinition', () => {
  it('accepts a valid body in either spelling, and reads it into a draft', () => {
    const judged = judgeDefinition(body(), 0)
    expect(judged.ok).toBe(true)
    expect(judged.ok && judged.draft.attributes[0]).toMatchObject({
      name: 'customer',
      type: 'customer',
      isRequired: true
    })
  })

  it('reads an absent isRequired as meta_fields’ default, true', () => {
    const judged = judgeDefinition(body({ fields: [{ ...customer, attributes: {} }] }), 0)
    expect(judged.ok && judged.draft.attributes[0]?.isRequired).toBe(true)
  })

  it('gives 1811 for a missing or invalid name', () => {
    expect(codes(judgeDefinition(body({ eventName: undefined }), 0))).toEqual([1811])
    expect(codes(judgeDefinition(body({ eventName: 'a b' }), 0))).toContain(1811)
  })

  it('gives 1810 for missing, empty or unknown actions', () => {
    expect(codes(judgeDefinition(body({ actions: undefined }), 0))).toEqual([1810])
    expect(codes(judgeDefinition(body({ actions: [] }), 0))).toEqual([1810])
    expect(codes(judgeDefinition(body({ actions: ['Other'] }), 0))).toEqual([1810])
  })

  it('gives 1823 for an unknown type and for the undocumented ones', () => {
    expect(codes(judgeDefinition(body({ fields: [customer, { name: 'x', type: 'money' }] }), 0))).toEqual([1823])
    expect(codes(judgeDefinition(body({ fields: [customer, { name: 'x', type: 'boolean' }] }), 0))).toEqual([1823])
  })

  it('names the field a rule is about as the request does, in Capillary words for 1823', () => {
    const judged = judgeDefinition(body({ fields: [customer, { name: 'in_stock', type: 'boolean' }] }), 0)
    expect(judged).toEqual({
      ok: false,
      errors: [{ code: 1823, message: 'invalid event field type "boolean" for in_stock' }]
    })
  })

  it('gives 1802 for an unreadable isRequired and a customer that is not required', () => {
    const unreadable = { ...customer, attributes: { isRequired: { valueType: 'BOOLEAN', value: 'maybe' } } }
    expect(codes(judgeDefinition(body({ fields: [unreadable] }), 0))).toEqual([1802])
    const optional = { ...customer, attributes: { isRequired: { valueType: 'BOOLEAN', value: 'false' } } }
    expect(codes(judgeDefinition(body({ fields: [optional] }), 0))).toEqual([1802])
  })

  it('gives 400 to rules without a documented code, after the documented ones', () => {
    expect(codes(judgeDefinition(body({ fields: [] }), 0))).toEqual([400])
    expect(codes(judgeDefinition(body({ eventName: 'a b', fields: [] }), 0))).toEqual([1811, 400])
    expect(codes(judgeDefinition(body(), 10))).toEqual([400])
    expect(codes(judgeDefinition('nope', 0))).toEqual([400])
  })
})
