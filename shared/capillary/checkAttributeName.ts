import type { AttributeDraft } from '../model/event'
import { capillaryLimits } from './capillaryLimits'
import { checkNameCharacters } from './capillaryName'
import { attributePath, designError, designWarning, type DesignIssue } from './designIssue'

/** Payload keys every event already has, so no attribute may take them (compared ignoring case). */
const reservedNames: ReadonlyMap<string, string> = new Map([
  // SETUP "Standard Attributes": eventDateTime and storeUnitID apply to every event.
  ['eventdatetime', 'is the date and time every event already has (a standard attribute)'],
  ['storeunitid', 'is a standard attribute Capillary uses internally on every event'],
  // BEREF 18 / BEREF 25 payloads: `event_name` carries the event's name next to the attribute values.
  ['event_name', 'is the payload key that carries the event name']
])

/**
 * Checks the name of `attributes[index]` on its own and against the attributes before it (a duplicate is reported
 * once, on the later attribute). Exact duplicates are errors: the payload is a flat JSON object keyed by attribute
 * name (BEREF 18), so two equal names cannot both be sent. Names differing only in case are warnings: JSON keys are
 * case-sensitive, but Capillary does not document whether it treats such fields as distinct.
 */
export const checkAttributeName = (
  attributes: readonly Pick<AttributeDraft, 'name'>[],
  index: number
): DesignIssue[] => {
  const name = attributes[index]?.name
  if (name === undefined) return []
  const path = attributePath(index, 'name')
  const issues = checkNameCharacters(name, path, 'attribute')
  if (name.trim() === '') return issues
  // SETUP "Limitations": custom attribute names can have only up to 50 characters.
  if (name.length > capillaryLimits.attributeNameLength) {
    issues.push(
      designError(
        path,
        'attribute_name_too_long',
        `Attribute names can have at most ${capillaryLimits.attributeNameLength} characters; ` +
          `this one has ${name.length}. Shorten it.`
      )
    )
  }
  const reserved = reservedNames.get(name.toLowerCase())
  if (reserved !== undefined) {
    issues.push(designError(path, 'attribute_name_reserved', `"${name}" ${reserved}. Pick another name.`))
  }
  const earlier = attributes.slice(0, index).map((attribute) => attribute.name)
  if (earlier.includes(name)) {
    issues.push(
      designError(
        path,
        'attribute_name_duplicate',
        `Another attribute of this event is already named "${name}". Attribute names must be unique in an event.`
      )
    )
    return issues
  }
  const sameIgnoringCase = earlier.find((other) => other.toLowerCase() === name.toLowerCase())
  if (sameIgnoringCase !== undefined) {
    issues.push(
      designWarning(
        path,
        'attribute_name_case_duplicate',
        `Another attribute is named "${sameIgnoringCase}", which differs only in letter case. Capillary does not ` +
          'say whether it keeps such attributes apart: pick a clearly different name.'
      )
    )
  }
  return issues
}
