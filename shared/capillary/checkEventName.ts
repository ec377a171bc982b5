import { checkNameCharacters } from './capillaryName'
import { designError, designWarning, type DesignIssue } from './designIssue'

/**
 * Checks an event name on its own and against the other events of the project. Exact duplicates are errors (BEREF 01
 * error 1806 "event already exists"); names that differ only in letter case are warnings, because Capillary does not
 * document whether event names are case-sensitive.
 */
export const checkEventName = (name: string, otherEventNames: readonly string[]): DesignIssue[] => {
  const issues = checkNameCharacters(name, 'name', 'event')
  if (name.trim() === '') return issues
  if (otherEventNames.includes(name)) {
    issues.push(
      designError(
        'name',
        'event_name_duplicate',
        `Another event in this project is already named "${name}". Event names must be unique: pick another one.`
      )
    )
    return issues
  }
  const sameIgnoringCase = otherEventNames.find((other) => other.toLowerCase() === name.toLowerCase())
  if (sameIgnoringCase !== undefined) {
    issues.push(
      designWarning(
        'name',
        'event_name_case_duplicate',
        `Another event is named "${sameIgnoringCase}", which differs only in letter case. Capillary does not say ` +
          'whether event names are case-sensitive: pick a clearly different name.'
      )
    )
  }
  return issues
}
