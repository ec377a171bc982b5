import { expressionReadingPayload } from '../../../shared/engine/expressions/checkExpression'
import { templateReadingPayload } from '../../../shared/engine/transforms/template'
import type { MappingMatch, MappingRule, MappingSpec, Transform } from '../../../shared/model/mapping'

/** The pure edits of a mapping spec the designer makes; each returns a new spec (the store records the old one). */

export const emptySpec = (): MappingSpec => ({ match: { kind: 'integration' }, fanOut: null, rules: [] })

/** A path rule from a source field; under fan-out, a field outside the list is read from the whole payload. */
export function pathRule(path: string, target: string, fanOutPath: string | null): MappingRule {
  const list = fanOutPath ? `${fanOutPath}[*]` : null
  if (list && path.startsWith(`${list}.`)) {
    return { target, source: { kind: 'path', path: path.slice(list.length + 1), scope: 'item' }, transforms: [] }
  }
  return {
    target,
    source: { kind: 'path', path, scope: fanOutPath ? 'payload' : 'item' },
    transforms: []
  }
}

/**
 * Connects a field to an attribute: one rule per attribute, so an existing rule of that attribute is replaced,
 * unless it already reads that field (its transforms are kept: the same spec comes back).
 */
export function connect(spec: MappingSpec, path: string, target: string): MappingSpec {
  const rule = pathRule(path, target, spec.fanOut?.path ?? null)
  const existing = spec.rules.find((candidate) => candidate.target === target)
  if (existing && JSON.stringify(existing.source) === JSON.stringify(rule.source)) return spec
  return setRule(spec, target, rule)
}

export function setRule(spec: MappingSpec, target: string, rule: MappingRule): MappingSpec {
  const exists = spec.rules.some((candidate) => candidate.target === target)
  return {
    ...spec,
    rules: exists
      ? spec.rules.map((candidate) => (candidate.target === target ? rule : candidate))
      : [...spec.rules, rule]
  }
}

export function removeRule(spec: MappingSpec, target: string): MappingSpec {
  return { ...spec, rules: spec.rules.filter((rule) => rule.target !== target) }
}

export function setTransforms(spec: MappingSpec, target: string, transforms: Transform[]): MappingSpec {
  return { ...spec, rules: spec.rules.map((rule) => (rule.target === target ? { ...rule, transforms } : rule)) }
}

export function setMatch(spec: MappingSpec, match: MappingMatch): MappingSpec {
  return { ...spec, match }
}

/**
 * Sets the list to fan out over. Turning fan-out on keeps every rule reading what it read, the whole payload, where
 * fan-out would have it read the item: a path is scoped to the payload, an expression is evaluated on the payload
 * (`$$.( … )`), a template's placeholders read from the payload root (`{$.city}`). Rules made after read the item,
 * as they connect.
 */
export function setFanOut(spec: MappingSpec, path: string | null): MappingSpec {
  const trimmed = path?.trim() ?? ''
  const fanOut = trimmed === '' ? null : { path: trimmed }
  const turnedOn = spec.fanOut === null && fanOut !== null
  return { ...spec, fanOut, rules: turnedOn ? spec.rules.map(readingThePayload) : spec.rules }
}

function readingThePayload(rule: MappingRule): MappingRule {
  const { source } = rule
  return {
    ...rule,
    source:
      source.kind === 'path'
        ? { ...source, scope: 'payload' }
        : source.kind === 'expression'
          ? { ...source, expression: expressionReadingPayload(source.expression) }
          : source,
    transforms: rule.transforms.map((transform) =>
      transform.kind === 'template' ? { ...transform, template: templateReadingPayload(transform.template) } : transform
    )
  }
}

/** A new transform of a kind with the options it needs to be valid, for the user to adjust. */
export function newTransform(kind: Transform['kind']): Transform {
  switch (kind) {
    case 'parseDate':
      return { kind, formats: ['iso8601'], timeZone: 'UTC' }
    case 'formatDate':
      return { kind, format: 'yyyy-MM-dd HH:mm:ss', timeZone: 'UTC' }
    case 'lookup':
      return { kind, table: {} }
    case 'default':
      return { kind, value: '', when: ['missing', 'null', 'empty'] }
    case 'template':
      return { kind, template: '{}' }
    case 'split':
    case 'join':
      return { kind, separator: ',' }
    case 'mask':
      return { kind, keepStart: 0, keepEnd: 4, character: '*' }
    default:
      return { kind } as Transform
  }
}

/** The source path a rule reads, as the designer's left column names it (item paths under the fan-out list). */
export function ruleFieldPath(rule: MappingRule, fanOutPath: string | null): string | null {
  if (rule.source.kind !== 'path') return null
  const path = rule.source.path
  if (path.startsWith('$.')) return path.slice(2)
  if (fanOutPath && rule.source.scope !== 'payload') return `${fanOutPath}[*].${path}`
  return path
}
