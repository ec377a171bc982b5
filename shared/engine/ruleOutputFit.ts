import type { AttributeType } from '../model/event'
import type { MappingRule, Transform } from '../model/mapping'
import type { InferredField, InferredSchema } from './inferSchema'

/** What kind of value a rule can give, as far as the schema and its transforms tell. */
export type ValueShape = 'text' | 'number' | 'boolean' | 'date' | 'list' | 'object' | 'nothing'

/** The shapes a source field was seen with (numeric text counts as both text and number). */
export function fieldShapes(field: InferredField): Set<ValueShape> {
  const shapes = new Set<ValueShape>()
  const { types, formats } = field
  if (types.string) shapes.add('text')
  if (formats.numericText) shapes.add('number')
  if (formats.date) shapes.add('date')
  if (types.number) shapes.add('number')
  if (types.boolean) shapes.add('boolean')
  if (types.array) shapes.add('list')
  if (types.object) shapes.add('object')
  if (types.null) shapes.add('nothing')
  return shapes
}

function shapeOfScalar(value: unknown): ValueShape {
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  return 'text'
}

/** The shapes after one transform: conversions give their type, list steps reduce or make lists. */
function afterTransform(transform: Transform, shapes: Set<ValueShape>): Set<ValueShape> {
  const list = shapes.has('list')
  const keepList = (made: ValueShape[]) => new Set<ValueShape>(list ? [...made, 'list'] : made)
  switch (transform.kind) {
    case 'toNumber':
    case 'toInteger':
      return keepList(['number'])
    case 'toBoolean':
      return keepList(['boolean'])
    case 'parseDate':
      return keepList(['date'])
    case 'formatDate':
      return keepList(['text', 'date'])
    case 'trim':
    case 'lowerCase':
    case 'upperCase':
    case 'sha256':
    case 'mask': {
      const kept = new Set<ValueShape>(['text'])
      if (shapes.has('date')) kept.add('date')
      if (shapes.has('number') && transform.kind === 'trim') kept.add('number')
      if (list) kept.add('list')
      return kept
    }
    case 'lookup': {
      const made = new Set<ValueShape>(Object.values(transform.table).map(shapeOfScalar))
      if (transform.fallback !== undefined) made.add(shapeOfScalar(transform.fallback))
      if (list) made.add('list')
      return made
    }
    case 'default':
      return new Set([...shapes, shapeOfScalar(transform.value)])
    case 'template':
    case 'join':
      return new Set(['text'])
    case 'split':
      return new Set(['list'])
    case 'sum':
    case 'count':
      return new Set(['number'])
    case 'first':
    case 'last': {
      // An element of a list: what the list holds is not known here, so anything scalar.
      const element = new Set(shapes)
      element.delete('list')
      if (list) for (const shape of ['text', 'number', 'boolean', 'date'] as const) element.add(shape)
      return element
    }
  }
}

const numeric: ReadonlySet<AttributeType> = new Set(['double', 'integer'])

/** Whether one shape can be sent as an attribute of this type (text may hold a number, a date, a boolean). */
function shapeFits(shape: ValueShape, type: AttributeType): boolean {
  if (shape === 'nothing') return true
  if (shape === 'list' || shape === 'object') return false
  if (numeric.has(type)) return shape === 'number'
  if (type === 'boolean') return shape === 'boolean' || shape === 'text'
  if (type === 'date') return shape === 'date'
  // Text attributes take any scalar (numbers and booleans are sent as text; a parsed date in its default format).
  return true
}

/**
 * Why a rule's output cannot fit its attribute's type, judged from the schema of the captured payloads and the
 * rule's transforms (undefined when it can, or when nothing is known: expressions, paths never seen). "Cannot" is
 * meant strictly: a rule is flagged only when none of the shapes its values were seen with would be accepted.
 */
export function ruleOutputFitProblem(
  rule: MappingRule,
  attributeType: AttributeType,
  schema: InferredSchema
): string | undefined {
  let shapes: Set<ValueShape>
  if (rule.source.kind === 'constant') shapes = new Set([shapeOfScalar(rule.source.value)])
  else if (rule.source.kind === 'path') {
    const path = rule.source.path.replace(/^\$\.?/, '')
    const field = schema.fields.find((candidate) => candidate.path === path)
    if (!field) return undefined
    shapes = fieldShapes(field)
  } else return undefined
  for (const transform of rule.transforms ?? []) shapes = afterTransform(transform, shapes)
  const seen = [...shapes].filter((shape) => shape !== 'nothing')
  if (seen.length === 0 || seen.some((shape) => shapeFits(shape, attributeType))) return undefined
  const what = seen.map((shape) => (shape === 'list' ? 'a list' : shape === 'object' ? 'an object' : shape)).join(', ')
  const hint = seen.includes('list')
    ? 'add first, last, join, sum or count, or fan out over the list'
    : seen.includes('object')
      ? 'pick a field inside the object'
      : numeric.has(attributeType)
        ? 'add toNumber, or map a numeric field'
        : attributeType === 'date'
          ? 'add parseDate and formatDate'
          : 'add a transform that converts it'
  return `${rule.target} takes ${attributeType}, but this rule gives ${what}: ${hint}.`
}
