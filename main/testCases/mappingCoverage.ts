import type { CompiledMapping } from '../../shared/engine/compileMapping'
import { inferSchema } from '../../shared/engine/inferSchema'
import type { MappingSpec } from '../../shared/model/mapping'
import type { EventDefinition } from '../../shared/model/event'
import type { MappingCoverage, TestCaseDraft } from '../../shared/model/testCase'
import { fieldKey, fieldsReadBy, isRead } from '../../shared/testing/fieldKeys'

export interface CoverageInput {
  mappingId: string
  spec: MappingSpec
  event: EventDefinition
  compiled: CompiledMapping
  /** Decoded payloads of the integration's newest captures. */
  payloads: readonly unknown[]
  testCases: readonly Pick<TestCaseDraft, 'expected'>[]
}

/**
 * Coverage of a mapping: source fields no rule reads (from the inferred schema of the captures it applies to: an
 * integration's other events have fields of their own), required attributes no capture filled (by mapping the
 * captures), and rules no test case exercises (no expected output has the key).
 */
export async function mappingCoverage(input: CoverageInput): Promise<MappingCoverage> {
  const filled = new Set<string>()
  const matching: unknown[] = []
  for (const payload of input.payloads) {
    const result = await input.compiled(payload)
    if (result.matched) matching.push(payload)
    for (const output of result.outputs) {
      for (const [key, value] of Object.entries(output.payload)) if (value !== undefined) filled.add(key)
    }
  }
  const matched = matching.length

  const read = fieldsReadBy(input.spec)
  const unusedFields = inferSchema(matching)
    .fields.filter((field) => Object.keys(field.types).some((type) => type !== 'object' && type !== 'array'))
    .filter((field) => !isRead(fieldKey(field.segments), read))
    .sort((a, b) => b.presence - a.presence)
    .map((field) => ({ path: field.path, presence: field.presence, example: field.examples[0] ?? null }))
  const required = input.event.attributes.filter(
    (attribute) => attribute.isRequired || attribute.isUniqueKeyField || attribute.type === 'customer'
  )
  const requiredUnfilled = required
    .filter((attribute) => !filled.has(attribute.name))
    .map((attribute) => ({
      attribute: attribute.name,
      reason:
        input.payloads.length === 0
          ? 'No captures yet: send payloads to the listener.'
          : matched === 0
            ? `None of the ${input.payloads.length} captures is this event.`
            : `No output of the ${matched} matching captures has a value for it.`
    }))

  const expectedKeys = new Set(input.testCases.flatMap((testCase) => testCase.expected.flatMap(Object.keys)))
  return {
    mappingId: input.mappingId,
    capturesRead: input.payloads.length,
    capturesMatched: matched,
    unusedFields,
    requiredUnfilled,
    rulesNotExercised: input.spec.rules.map((rule) => rule.target).filter((target) => !expectedKeys.has(target)),
    expressionRules: input.spec.rules.filter((rule) => rule.source.kind === 'expression').map((rule) => rule.target)
  }
}
