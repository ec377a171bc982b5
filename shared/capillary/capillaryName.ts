import { designError, type DesignIssue } from './designIssue'

/** Event and attribute names: what the name is of, for messages and issue codes. */
export type NameSubject = 'event' | 'attribute'

const nouns: Record<NameSubject, string> = { event: 'Event', attribute: 'Attribute' }
const examples: Record<NameSubject, string> = { event: 'promotionViewed', attribute: 'hotel_name' }
const sourceExamples: Record<NameSubject, string> = {
  event: 'an event named "Promotion Viewed" in the source',
  attribute: 'a source field named "Customer Mobile"'
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1)
const decapitalise = (word: string): string =>
  word === word.toUpperCase() ? word.toLowerCase() : word.charAt(0).toLowerCase() + word.slice(1)

/**
 * A valid name close to `raw`, camel-cased the way Capillary's docs turn "Promotion Viewed" into `promotionViewed`
 * (SETUP "Map custom event to source event"). Empty when `raw` has no letter or digit.
 */
export const suggestCapillaryName = (raw: string): string =>
  raw
    .split(/[^A-Za-z0-9_]+/)
    .filter((word) => word.length > 0)
    .map((word, position) => (position === 0 ? decapitalise(word) : capitalise(word)))
    .join('')
    .replace(/_{2,}/g, '_')

const quoteList = (characters: readonly string[]): string => characters.map((c) => `"${c}"`).join(', ')

const suggestion = (name: string): string => {
  const suggested = suggestCapillaryName(name)
  return suggested === '' || suggested === name ? '' : ` For example "${suggested}".`
}

/**
 * The character rules Capillary gives for event names, applied to attribute names too (every documented attribute
 * name follows them, and an attribute name is a JSON key mapped from the source's field names).
 */
export const checkNameCharacters = (name: string, path: string, subject: NameSubject): DesignIssue[] => {
  const noun = nouns[subject]
  // SLATE:L287 "eventName*: No space or special character is allowed"; a name is mandatory.
  if (name.trim() === '') {
    return [
      designError(
        path,
        `${subject}_name_empty`,
        `${noun} name is empty. Use letters, digits and underscores, for example "${examples[subject]}".`
      )
    ]
  }
  const issues: DesignIssue[] = []
  // SETUP "Add & map custom event": no spaces; Capillary would replace each space with a double underscore.
  if (/\s/.test(name)) {
    issues.push(
      designError(
        path,
        `${subject}_name_has_spaces`,
        `${noun} names cannot contain spaces.${suggestion(name)} ` +
          `You can still map ${sourceExamples[subject]} to it.`
      )
    )
  }
  // SETUP "Add & map custom event": no special characters except underscore.
  const invalid = [...new Set(name.replace(/[A-Za-z0-9_\s]/g, ''))]
  if (invalid.length > 0) {
    issues.push(
      designError(
        path,
        `${subject}_name_invalid_characters`,
        `${noun} names may only contain letters, digits and underscores: remove ${quoteList(invalid)}.` +
          suggestion(name)
      )
    )
  }
  // SETUP "Add & map custom event": "do not use double underscores" (they stand for spaces).
  if (name.includes('__')) {
    issues.push(
      designError(
        path,
        `${subject}_name_double_underscore`,
        `${noun} names cannot contain a double underscore ("__"): Capillary uses it to stand for a space. ` +
          'Use a single underscore.'
      )
    )
  }
  return issues
}
