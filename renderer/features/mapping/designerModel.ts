import type { AttributeDraft } from '../../../shared/model/event'
import { extraTargets, type MappingSpec } from '../../../shared/model/mapping'
import type { InferredField, InferredSchema } from '../../../shared/engine/inferSchema'
import { ruleOutputFitProblem } from '../../../shared/engine/ruleOutputFit'
import type { MappingEvent } from '../../../shared/engine/compileMapping'
import { ruleFieldPath } from './mappingEdits'

/** One source field of the left column. */
export interface SourceFieldView {
  path: string
  /** Types seen, most frequent first ("string", "number"...). */
  types: string[]
  example: string
  presence: number
  /** Mapped by a rule but never seen in the captures. */
  unseen: boolean
}

/** One attribute (or extra key) of the right column. */
export interface AttributeView {
  name: string
  type: string
  required: boolean
  mapped: boolean
  /** Why it is flagged in place: a required attribute no rule sets, or a rule whose output cannot fit. */
  problem?: string
  problemCode?: 'missing_required' | 'type_cannot_fit'
}

const isRequired = (attribute: Pick<AttributeDraft, 'isRequired' | 'isUniqueKeyField' | 'type'>) =>
  attribute.isRequired || attribute.isUniqueKeyField || attribute.type === 'customer'

function describeExample(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value)
  return text.length > 40 ? `${text.slice(0, 39)}…` : text
}

/** The fields a rule can read: every path with a scalar value somewhere, plus the rules' own paths not seen. */
export function sourceFieldViews(schema: InferredSchema, spec: MappingSpec | null): SourceFieldView[] {
  const scalar = (field: InferredField) => (field.types.object ?? 0) + (field.types.array ?? 0) < field.occurrences
  const views: SourceFieldView[] = schema.fields.filter(scalar).map((field) => ({
    path: field.path,
    types: Object.entries(field.types)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([type]) => type),
    example: field.examples.length > 0 ? describeExample(field.examples[0]) : '',
    presence: field.presence,
    unseen: false
  }))
  const known = new Set(views.map((view) => view.path))
  for (const rule of spec?.rules ?? []) {
    const path = ruleFieldPath(rule, spec?.fanOut?.path ?? null)
    if (path !== null && !known.has(path)) {
      known.add(path)
      views.push({ path, types: [], example: '', presence: 0, unseen: true })
    }
  }
  return views
}

/** The event's attributes and the extra keys, each with whether it is mapped and what is wrong in place. */
export function attributeViews(event: MappingEvent, spec: MappingSpec | null, schema: InferredSchema): AttributeView[] {
  const rules = new Map((spec?.rules ?? []).map((rule) => [rule.target, rule]))
  const rows = [
    ...event.attributes.map((attribute) => ({
      name: attribute.name,
      type: attribute.type,
      required: isRequired(attribute)
    })),
    ...extraTargets.map((name) => ({ name, type: name === 'eventDateTime' ? 'date' : 'string', required: false }))
  ]
  return rows.map((row) => {
    const rule = rules.get(row.name)
    const view: AttributeView = { ...row, mapped: rule !== undefined }
    if (!rule && row.required) {
      view.problem = `${row.name} is required, but no rule sets it.`
      view.problemCode = 'missing_required'
    } else if (rule) {
      const problem = ruleOutputFitProblem(rule, row.type as AttributeDraft['type'], schema)
      if (problem) {
        view.problem = problem
        view.problemCode = 'type_cannot_fit'
      }
    }
    return view
  })
}
