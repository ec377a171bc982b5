import type { EventDefinitionBody, FieldDefinition } from '../../shared/capillary/eventDefinitionBody'
import type { FieldComparison } from '../../shared/model/publish'
import type { RemoteEvent, RemoteField } from '../capillary/client/responses'

/** A field as both sides can be compared: type and attribute values as text, keys as Capillary spells them. */
interface ComparableField {
  type: string
  attributes: Map<string, string>
}

// Notes §3: values are strings ("true"), a list is {valueType: LIST, values}; valueType casing varies, so only the
// value is compared.
const attributeText = (attribute: { value?: string; values?: readonly string[] }): string | undefined =>
  attribute.values !== undefined ? attribute.values.join(',') : attribute.value

function fromOurs(field: FieldDefinition): ComparableField {
  const attributes = new Map<string, string>()
  for (const [name, attribute] of Object.entries(field.attributes)) {
    const text = attributeText(attribute)
    if (text !== undefined) attributes.set(name, text)
  }
  return { type: field.type, attributes }
}

function fromTheirs(field: RemoteField): ComparableField {
  const attributes = new Map<string, string>()
  for (const [name, attribute] of Object.entries(field.attributes)) {
    const text = attributeText(attribute)
    if (text !== undefined) attributes.set(name, text)
  }
  return { type: field.wireType, attributes }
}

const describe = (field: ComparableField): string =>
  [field.type, ...[...field.attributes].map(([name, value]) => `${name}=${value}`)].join(' ')

const row = (field: string, ours: string | null, theirs: string | null): FieldComparison => ({
  field,
  ours,
  theirs,
  change: ours === null ? 'removed' : theirs === null ? 'added' : ours === theirs ? 'same' : 'changed'
})

/**
 * Ours (the body we would send) against theirs (what `GET /v2/events` answered), field by field (notes §4): actions,
 * description, then each field's type and attributes. Types are compared without case: requests use camel case,
 * newer orgs answer upper case (notes §3). An attribute only one side sets counts as added or removed; an empty side
 * (no body, no remote event) makes every row added or removed.
 */
export function compareDefinitions(ours: EventDefinitionBody | null, theirs: RemoteEvent | null): FieldComparison[] {
  const rows: FieldComparison[] = []
  const actions = (list: readonly string[]) => [...list].sort().join(', ')
  rows.push(row('actions', ours ? actions(ours.actions) : null, theirs ? actions(theirs.actions) : null))
  const ourDescription = ours ? (ours.description ?? '') : null
  const theirDescription = theirs ? (theirs.description ?? '') : null
  if ((ourDescription ?? '') !== '' || (theirDescription ?? '') !== '') {
    rows.push(row('description', ourDescription, theirDescription))
  }
  const ourFields = new Map((ours?.fields ?? []).map((field) => [field.name, fromOurs(field)]))
  const theirFields = new Map((theirs?.fields ?? []).map((field) => [field.name, fromTheirs(field)]))
  const names = [...ourFields.keys(), ...[...theirFields.keys()].filter((name) => !ourFields.has(name))]
  for (const name of names) {
    const mine = ourFields.get(name)
    const other = theirFields.get(name)
    if (!mine || !other) {
      rows.push(row(`fields.${name}`, mine ? describe(mine) : null, other ? describe(other) : null))
      continue
    }
    const typeRow = row(`fields.${name}.type`, mine.type, other.type)
    rows.push(mine.type.toLowerCase() === other.type.toLowerCase() ? { ...typeRow, change: 'same' } : typeRow)
    const keys = [...mine.attributes.keys(), ...[...other.attributes.keys()].filter((key) => !mine.attributes.has(key))]
    for (const key of keys) {
      const compared = row(`fields.${name}.${key}`, mine.attributes.get(key) ?? null, other.attributes.get(key) ?? null)
      // Flags and choices ("true", "MOBILE") may come back in another case; a regex or possible values may not.
      const caseMatters = key === 'regex' || key === 'possibleValues'
      const sameIgnoringCase = compared.ours?.toLowerCase() === compared.theirs?.toLowerCase()
      rows.push(
        compared.change === 'changed' && !caseMatters && sameIgnoringCase ? { ...compared, change: 'same' } : compared
      )
    }
  }
  return rows
}

/** True when the comparison shows any difference. */
export const differs = (comparison: readonly FieldComparison[]): boolean =>
  comparison.some((entry) => entry.change !== 'same')
