import type { AttributeDraft } from '../model/event'
import { attributePath, designError, type DesignIssue } from './designIssue'

/**
 * Checks the possible values of an Enum attribute (other types have none to check). Capillary's UI takes them as
 * one comma-separated text "(do not leave space after a comma)" (SETUP "Custom Attributes" > Enum), so a value may
 * not contain a comma nor start or end with a space.
 */
export const checkPossibleValues = (
  attribute: Pick<AttributeDraft, 'type' | 'possibleValues'>,
  index: number
): DesignIssue[] => {
  if (attribute.type !== 'enum') return []
  const values = attribute.possibleValues ?? []
  // SETUP "Custom Attributes" > Enum: "enter the supported values for the field".
  if (values.length === 0) {
    return [
      designError(
        attributePath(index, 'possibleValues'),
        'enum_values_missing',
        'An Enum attribute needs its possible values, for example Music,Sports,Fishing. Add at least one.'
      )
    ]
  }
  return values.flatMap((value, position): DesignIssue[] => {
    const path = attributePath(index, 'possibleValues', position)
    const trimmed = value.trim()
    if (trimmed === '') return [designError(path, 'enum_value_empty', 'This possible value is empty. Remove it.')]
    const issues: DesignIssue[] = []
    if (trimmed !== value) {
      issues.push(
        designError(
          path,
          'enum_value_untrimmed',
          `"${value}" starts or ends with a space, which Capillary's comma-separated list does not allow. ` +
            `Use "${trimmed}".`
        )
      )
    }
    if (value.includes(',')) {
      issues.push(
        designError(
          path,
          'enum_value_comma',
          `"${trimmed}" contains a comma, which Capillary reads as the separator between values. ` +
            'Split it into separate values or remove the comma.'
        )
      )
    }
    const earlier = values.slice(0, position).map((other) => other.trim())
    if (earlier.includes(trimmed)) {
      issues.push(designError(path, 'enum_value_duplicate', `"${trimmed}" is listed twice. Remove one of them.`))
    }
    return issues
  })
}
