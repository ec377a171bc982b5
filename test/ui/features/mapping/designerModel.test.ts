import { describe, expect, it } from 'vitest'
import type { AttributeDraft } from '../../../../shared/model/event'
import type { MappingRule } from '../../../../shared/model/mapping'
import { inferSchema } from '../../../../shared/engine/inferSchema'
import { ruleOutputFitProblem } from '../../../../shared/engine/ruleOutputFit'
import { attributeViews, sourceFieldViews } from '../../../../renderer/features/mapping/designerModel'

const schema = inferSchema([
  {
    user_id: '919663673779',
    price: '1499.00',
    name: 'Linen shirt',
    tags: ['a', 'b'],
    address: { city: 'Pune' },
    at: 1764320527123
  },
  { user_id: '919880012345', price: '99.50', name: 'Belt', tags: [], address: { city: 'Goa' }, at: 1764320527999 }
])

const rule = (target: string, path: string, transforms: MappingRule['transforms'] = []): MappingRule => ({
  target,
  source: { kind: 'path', path, scope: 'item' },
  transforms
})

const attribute = (name: string, type: AttributeDraft['type'], isRequired = false): AttributeDraft => ({
  name,
  type,
  description: '',
  isRequired,
  isUniqueKeyField: false,
  isPsiData: false,
  standard: false
})

describe("a rule's output type against its attribute", () => {
  it('fits when some of the values seen, after the transforms, are accepted', () => {
    expect(ruleOutputFitProblem(rule('price', 'price'), 'double', schema)).toBeUndefined()
    expect(ruleOutputFitProblem(rule('name', 'name'), 'string', schema)).toBeUndefined()
    expect(
      ruleOutputFitProblem(rule('tags', 'tags', [{ kind: 'join', separator: ',' }]), 'string', schema)
    ).toBeUndefined()
    const dated = rule('at', 'at', [
      { kind: 'parseDate', formats: ['epochMillis'], timeZone: 'UTC' },
      { kind: 'formatDate', format: 'yyyy-MM-dd', timeZone: 'UTC' }
    ])
    expect(ruleOutputFitProblem(dated, 'date', schema)).toBeUndefined()
  })

  it('cannot fit a list, an object, text into a number, or an epoch number into a date', () => {
    expect(ruleOutputFitProblem(rule('tags', 'tags'), 'string', schema)).toMatch(/gives a list.*first, last, join/)
    expect(ruleOutputFitProblem(rule('address', 'address'), 'string', schema)).toMatch(/an object/)
    expect(ruleOutputFitProblem(rule('name', 'name'), 'double', schema)).toMatch(/toNumber/)
    expect(ruleOutputFitProblem(rule('at', 'at'), 'date', schema)).toMatch(/parseDate/)
    expect(ruleOutputFitProblem(rule('price', 'price', [{ kind: 'split', separator: '.' }]), 'double', schema)).toMatch(
      /a list/
    )
  })

  it('says nothing of expressions and of paths never seen', () => {
    expect(ruleOutputFitProblem(rule('x', 'nowhere'), 'double', schema)).toBeUndefined()
    const expression: MappingRule = { target: 'x', source: { kind: 'expression', expression: 'tags' }, transforms: [] }
    expect(ruleOutputFitProblem(expression, 'double', schema)).toBeUndefined()
  })
})

describe('the two columns', () => {
  const event = {
    name: 'wishlist_added',
    kind: 'custom' as const,
    attributes: [attribute('customer', 'customer'), attribute('city', 'string', true), attribute('price', 'double')]
  }
  const spec = {
    match: { kind: 'integration' as const },
    fanOut: null,
    rules: [rule('customer', 'user_id'), rule('price', 'name'), rule('city', 'gone.field')]
  }

  it("lists the scalar fields with types, presence and an example, and the rules' unseen paths", () => {
    const fields = sourceFieldViews(schema, spec)
    expect(fields.map((field) => field.path)).toEqual([
      'user_id',
      'price',
      'name',
      'tags[*]',
      'address.city',
      'at',
      'gone.field'
    ])
    expect(fields[0]).toMatchObject({ types: ['string'], presence: 1, example: '"919663673779"', unseen: false })
    expect(fields.at(-1)).toMatchObject({ unseen: true })
  })

  it('flags in place a required attribute no rule sets, and a rule whose output cannot fit', () => {
    const views = attributeViews(event, { ...spec, rules: spec.rules.slice(0, 2) }, schema)
    expect(views.map((view) => [view.name, view.mapped, view.problemCode])).toEqual([
      ['customer', true, undefined],
      ['city', false, 'missing_required'],
      ['price', true, 'type_cannot_fit'],
      ['eventDateTime', false, undefined],
      ['external_event_id', false, undefined]
    ])
  })
})
