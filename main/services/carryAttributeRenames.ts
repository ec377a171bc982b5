import type { MappingRepository } from '../store/MappingRepository'

/**
 * The attributes an edit renamed, old name to new: an attribute keeps its id across edits, so a rename is an id
 * whose name changed (a removed attribute and a new one are not: their rules are left as they are, to be seen).
 */
export function attributeRenames(
  before: readonly { id: string; name: string }[],
  after: readonly { id?: string | undefined; name: string }[]
): Map<string, string> {
  const nameBefore = new Map(before.map((attribute) => [attribute.id, attribute.name]))
  const renames = new Map<string, string>()
  for (const attribute of after) {
    const old = attribute.id === undefined ? undefined : nameBefore.get(attribute.id)
    if (old !== undefined && old !== attribute.name) renames.set(old, attribute.name)
  }
  return renames
}

/**
 * Points the rules of the event's mappings that set a renamed attribute at its new name, so a rename in the event
 * designer never leaves a rule behind that sets nothing. Runs inside the caller's transaction; gives the ids of the
 * mappings it changed.
 */
export function carryAttributeRenames(
  mappings: MappingRepository,
  eventId: string,
  renames: ReadonlyMap<string, string>,
  now: string
): string[] {
  if (renames.size === 0) return []
  const changed: string[] = []
  const newNames = new Set(renames.values())
  for (const mapping of mappings.list()) {
    if (mapping.eventId !== eventId || !mapping.rules.some((rule) => renames.has(rule.target))) continue
    // A rule left by a removed attribute of the new name would be a second rule for it, and the first one read.
    const rules = mapping.rules
      .filter((rule) => renames.has(rule.target) || !newNames.has(rule.target))
      .map((rule) => ({ ...rule, target: renames.get(rule.target) ?? rule.target }))
    mappings.save(
      mapping.id,
      mapping.integrationId,
      eventId,
      { match: mapping.match, fanOut: mapping.fanOut, rules },
      now
    )
    changed.push(mapping.id)
  }
  return changed
}
