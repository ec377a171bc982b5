import type { AttributeDraft, EventDefinition, EventDraft } from '../model/event'

/**
 * Why a change to a published event is refused, or undefined when Capillary allows it. Once an event is published
 * its attributes can no longer be edited or deleted (SETUP "Test & Publish Event", attribute table), and its name is
 * its identity in the org; new attributes may still be added, and our own label and description stay editable.
 */
export function publishedEventChangeProblem(published: EventDefinition, draft: EventDraft): string | undefined {
  if (published.publications.length === 0) return undefined
  const where = published.publications.map((publication) => publication.profile).join(', ')
  if (draft.name !== published.name)
    return `${published.name} is published (${where}): its name cannot change. Duplicate it into a new version instead.`
  if (draft.kind !== published.kind) return `${published.name} is published (${where}): its kind cannot change.`
  for (const attribute of published.attributes) {
    const kept = draft.attributes.find((candidate) => candidate.id === attribute.id)
    if (!kept) {
      return `${published.name} is published (${where}): its attribute ${attribute.name} cannot be removed. Duplicate the event into a new version instead.`
    }
    if (!sameAttribute(attribute, kept)) {
      return `${published.name} is published (${where}): its attribute ${attribute.name} cannot be edited. Duplicate the event into a new version instead.`
    }
  }
  return undefined
}

const comparedKeys = [
  'name',
  'type',
  'isRequired',
  'isUniqueKeyField',
  'isPsiData',
  'regex',
  'possibleValues',
  'customer',
  'groupIdentifierType'
] as const

function sameAttribute(before: AttributeDraft, after: AttributeDraft): boolean {
  return comparedKeys.every((key) => JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null))
}
