import { attributeTypes, parseCapillaryFieldType } from '../../../shared/capillary/attributeTypes'
import { checkEvent } from '../../../shared/capillary/checkEvent'
import type { DesignIssue } from '../../../shared/capillary/designIssue'
import { eventDraftFromDefinition } from '../../../shared/capillary/eventDraftFromDefinition'
import { EventAction, type EventDraft } from '../../../shared/model/event'

export interface DefinitionProblem {
  code: number
  message: string
}

export type DefinitionJudgement =
  { ok: true; draft: EventDraft; warnings: string[] } | { ok: false; errors: DefinitionProblem[] }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const flags = ['isRequired', 'isUniqueKeyField', 'isPsiData', 'addCustomerIfNotExists']

const attributeEntry = (attributes: Record<string, unknown>, name: string): unknown =>
  Object.entries(attributes).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]

/** What the body gets wrong before it can be read as a definition, with Capillary's codes (BEREF 01). */
function shapeProblems(body: unknown): DefinitionProblem[] {
  if (!isObject(body))
    return [{ code: 400, message: 'The body must be a JSON object with eventName, actions and fields' }]
  const problems: DefinitionProblem[] = []
  // BEREF 01: 1811 "event name invalid".
  if (typeof body.eventName !== 'string' || body.eventName.trim() === '') {
    problems.push({ code: 1811, message: 'event name invalid: eventName is missing' })
  }
  // BEREF 01: actions* is mandatory; 1810 "event actions invalid".
  if (!Array.isArray(body.actions))
    problems.push({ code: 1810, message: 'event actions invalid: actions must be a list' })
  else {
    for (const action of body.actions) {
      if (!EventAction.safeParse(action).success) {
        problems.push({
          code: 1810,
          message: `event actions invalid: ${JSON.stringify(action)} is neither EMFConsumer nor EIConsumer`
        })
      }
    }
  }
  if (body.fields === undefined || body.fields === null) return problems
  if (!Array.isArray(body.fields)) return [...problems, { code: 400, message: 'fields must be a list' }]
  for (const [index, field] of body.fields.entries()) {
    if (!isObject(field) || typeof field.name !== 'string' || field.name === '') {
      problems.push({ code: 400, message: `fields[${index}] needs a name` })
      continue
    }
    // BEREF 01: 1823 "invalid event field type".
    if (typeof field.type !== 'string' || parseCapillaryFieldType(field.type) === undefined) {
      problems.push({
        code: 1823,
        message: `invalid event field type ${JSON.stringify(field.type ?? null)} for ${field.name}`
      })
    }
    const attributes = isObject(field.attributes) ? field.attributes : {}
    for (const flag of flags) {
      const entry = attributeEntry(attributes, flag)
      const value = isObject(entry) ? entry.value : undefined
      if (value === undefined || /^(true|false)$/i.test(String(value))) continue
      // BEREF 01: 1802 "field attribute value fails for validation type isRequired".
      problems.push({
        code: flag === 'isRequired' ? 1802 : 400,
        message: `field attribute value fails for validation type ${flag} on ${field.name}: use "true" or "false"`
      })
    }
  }
  return problems
}

/**
 * SLATE meta_fields gives every type's isRequired the default "true", and SLATE's create sample sends its customer
 * field without one: an absent isRequired is read as that default.
 */
function withDefaultIsRequired(body: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(body.fields)) return body
  return {
    ...body,
    fields: body.fields.map((field: Record<string, unknown>) => {
      const attributes = isObject(field.attributes) ? field.attributes : {}
      return attributeEntry(attributes, 'isRequired') === undefined
        ? { ...field, attributes: { ...attributes, isRequired: { valueType: 'BOOLEAN', value: 'true' } } }
        : field
    })
  }
}

/**
 * A broken rule in Capillary's way of saying it: the field by its name, as the request names it (never our index
 * into the draft), and a type Capillary does not take in the words of its error 1823.
 */
function messageOf(issue: DesignIssue, draft: EventDraft): string {
  const attribute = /^attributes\/(\d+)(?:\/|$)/.exec(issue.path)
  const field = attribute ? draft.attributes[Number(attribute[1])] : undefined
  if (field && issue.code === 'type_encoding_undocumented') {
    return `invalid event field type ${JSON.stringify(attributeTypes[field.type].wireType)} for ${field.name}`
  }
  if (field) return `field ${field.name}: ${issue.message}`
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message
}

/** The Capillary code of a design rule broken (BEREF 01); rules without a documented code answer 400, invalid input. */
function codeOf(issue: DesignIssue): number {
  if (issue.code.startsWith('event_name')) return 1811
  if (['actions_missing', 'action_duplicate', 'standard_actions_changed'].includes(issue.code)) return 1810
  if (['customer_not_required', 'unique_key_not_required'].includes(issue.code)) return 1802
  // The sandbox refuses the types whose API spelling no document shows, as Capillary may (attributeTypes' note).
  if (issue.code === 'type_encoding_undocumented') return 1823
  return 400
}

/**
 * Judges a `POST`/`PUT /v2/events` body: read with shared/capillary's `eventDraftFromDefinition`, then held to the
 * same rules the designer shows (`checkEvent` at the publish stage), so the sandbox refuses exactly what the studio
 * warns about. Documented codes come first; warnings travel in the answer's `warnings`.
 */
export function judgeDefinition(body: unknown, customEventCountInOrg: number): DefinitionJudgement {
  const problems = shapeProblems(body)
  if (problems.length > 0 || !isObject(body)) return { ok: false, errors: problems }
  const read = eventDraftFromDefinition(withDefaultIsRequired(body))
  if (!read.ok) return { ok: false, errors: [{ code: 400, message: read.error }] }
  const issues = checkEvent(read.draft, { otherEventNames: [], customEventCountInOrg, stage: 'publish' })
  const errors = issues
    .filter((issue) => issue.severity === 'error' || issue.code === 'type_encoding_undocumented')
    .map((issue) => ({ code: codeOf(issue), message: messageOf(issue, read.draft) }))
    .sort((a, b) => Number(a.code === 400) - Number(b.code === 400))
  if (errors.length > 0) return { ok: false, errors }
  const warnings = issues.filter((issue) => issue.severity === 'warning').map((issue) => issue.message)
  return { ok: true, draft: read.draft, warnings }
}
