import type { CompiledRule, OutputBuilder, OutputBuilderParts } from './compileMapping'
import type { PathSegment } from './sourcePath/parsePath'

/**
 * Turns generated source into a function; only main passes one (Node: `new Function`). The renderer's engine never
 * gets one, so its CSP needs no 'unsafe-eval': there the closure engine runs.
 */
export type SourceCompiler = (parameterName: string, body: string) => (parts: OutputBuilderParts) => OutputBuilder

const canonicalIndex = /^(?:0|[1-9]\d*)$/

/** Transforms with a fast path inlined for text (anything else goes through the step itself, so nothing changes). */
const textMethods: Partial<Record<string, string>> = {
  trim: 'trim',
  lowerCase: 'toLowerCase',
  upperCase: 'toUpperCase'
}

/**
 * The closure engine's buildOutput/evaluateRule unrolled per rule into one generated function, for Node only: every
 * rule gets its own call sites (one reader, step and conformer each, where V8 sees one shape and one target), key
 * paths are read inline, and the output is an object literal when every value is present. What it gives is exactly
 * what the closure engine gives (outputs, provenance, diagnostics in the same order): the property tests compare them.
 *
 * Only the validated model shapes the source: keys and numbers go through JSON.stringify, variable names are made
 * from rule indexes, transforms come from the closed set; every value (readers, steps, conformers, constants, the
 * event name) is passed in as an argument, never written into the source.
 */
export function generateOutputBuilder(parts: OutputBuilderParts, compile: SourceCompiler): OutputBuilder {
  const { rules, withProvenance, fannedOut, staticErrors } = parts
  const head: string[] = [
    "'use strict';",
    'const { rules, Payload, eventName, push, reportAbsent, absence, DateValue, writeDate, defaultDatePattern, setOwn } = parts;',
    'const isArray = Array.isArray;',
    'const own = Object.prototype.hasOwnProperty;'
  ]
  const body: string[] = []
  rules.forEach((rule, k) => {
    head.push(`const rule${k} = rules[${k}], reader${k} = rule${k}.reader, conform${k} = rule${k}.conform;`)
    rule.steps.forEach((_, j) => head.push(`const step${k}_${j} = rule${k}.steps[${j}];`))
    body.push(`let raw${k}, sent${k}, pointer${k};`, `run.rule = rule${k};`)
    const evaluate = evaluateRule(rule, k, withProvenance)
    if (rule.payloadLevel && fannedOut) {
      body.push(
        `let hoisted${k} = run.hoisted[${k}];`,
        `if (hoisted${k} === undefined) {`,
        'run.recording = [];',
        ...evaluate,
        `hoisted${k} = { raw: raw${k}, sent: sent${k}, sourcePointer: pointer${k}, recorded: run.recording };`,
        'run.recording = undefined;',
        `run.hoisted[${k}] = hoisted${k};`,
        '}',
        `for (let entry = 0; entry < hoisted${k}.recorded.length; entry++) {`,
        `const recorded = hoisted${k}.recorded[entry];`,
        'push(run, recorded.severity, recorded.code, recorded.message, recorded.inputPointer);',
        '}',
        `raw${k} = hoisted${k}.raw; sent${k} = hoisted${k}.sent; pointer${k} = hoisted${k}.sourcePointer;`
      )
    } else body.push(...evaluate)
  })
  body.push('run.rule = undefined;', 'run.outputIndex = -1;', 'run.pointerReader = undefined;')
  body.push(...assemble(rules))
  if (withProvenance) {
    const entries = rules.map((rule, k) => {
      const fields = [
        `target: rule${k}.target`,
        `source: rule${k}.source`,
        `inputPointers: raw${k} !== undefined && pointer${k} !== undefined ? [pointer${k}] : []`,
        `transforms: rule${k}.transformKinds`,
        `raw: raw${k}`,
        `value: sent${k}`
      ]
      if (rule.path !== undefined) fields.push(`path: rule${k}.path`)
      return `{ ${fields.join(', ')} }`
    })
    body.push(`const provenance = [${entries.join(', ')}];`)
  } else body.push('const provenance = [];')
  body.push(
    `const output = { payload, provenance, valid: run.errors === errorsBefore && ${staticErrors === 0} };`,
    fannedOut ? 'output.itemPointer = scope.itemPointer;' : '',
    'return output;'
  )
  const source = [
    ...head,
    'return function generatedBuildOutput(scope, index, values, run, report) {',
    'const errorsBefore = run.errors;',
    'run.outputIndex = index;',
    ...body,
    '};'
  ].join('\n')
  return compile('parts', source)(parts)
}

/** evaluateRule for rule k, into raw<k>, sent<k>, pointer<k>. */
function evaluateRule(rule: CompiledRule, k: number, withProvenance: boolean): string[] {
  const lines = ['run.pointerReader = undefined;', 'run.ruleErrors = 0;']
  if (rule.source === 'path' && rule.reader) {
    const root = rule.fromPayload ? 'scope.payload' : 'scope.item'
    lines.push(`{ const root = ${root};`, ...read(rule, k), `raw${k} = value;`)
    lines.push('run.pointerRoot = root;', `run.pointerBase = ${rule.fromPayload ? "''" : 'scope.itemPointer'};`)
    lines.push(`if (raw${k} !== undefined) run.pointerReader = reader${k}; }`)
  } else if (rule.source === 'constant') lines.push(`raw${k} = rule${k}.constant;`)
  else {
    lines.push(
      `{ const outcome = values[rule${k}.slot];`,
      'if (outcome === undefined || !outcome.ok) {',
      "if (outcome) report('error', outcome.code, outcome.message);",
      `raw${k} = undefined;`,
      `} else raw${k} = outcome.value; }`
    )
  }
  lines.push(`{ let value = raw${k};`)
  rule.steps.forEach((_, j) => {
    const method = textMethods[rule.transformKinds[j] ?? '']
    const call = `step${k}_${j}(value, scope, report)`
    lines.push(method ? `value = typeof value === 'string' ? value.${method}() : ${call};` : `value = ${call};`)
  })
  if (rule.mayGiveMoment) {
    lines.push(
      "if (value instanceof DateValue && defaultDatePattern) value = writeDate(value, defaultDatePattern, 'UTC', report);"
    )
  }
  lines.push(
    'const absent = absence(value);',
    'if (absent !== undefined) {',
    `if (run.ruleErrors === 0 || ${rule.required}) {`,
    rule.source === 'path' ? `run.pointerReader = reader${k};` : '',
    `reportAbsent(rule${k}, absent, scope, report);`,
    '}',
    '} else {',
    `const conformed = conform${k}(value);`,
    'const issues = conformed.issues;',
    'for (let position = 0; position < issues.length; position++) {',
    'const issue = issues[position];',
    'report(issue.severity, issue.code, issue.message);',
    '}',
    `sent${k} = conformed.value;`,
    '} }'
  )
  if (withProvenance && rule.reader) {
    lines.push(
      `pointer${k} = raw${k} !== undefined ? run.pointerBase + reader${k}.pointer(run.pointerRoot) : undefined;`
    )
  }
  return lines
}

/** Reads the rule's path from `root` into `value`: inline for keys only (as keyReader does), else by its reader. */
function read(rule: CompiledRule, k: number): string[] {
  const segments = rule.segments
  if (!segments || !segments.every((segment): segment is { key: string } => 'key' in segment)) {
    return [`const value = reader${k}.read(root);`]
  }
  const lines = ['let value = root;']
  for (const { key } of segments as readonly Extract<PathSegment, { key: string }>[]) {
    const text = JSON.stringify(key)
    const inArray = canonicalIndex.test(key) ? `value[${JSON.stringify(Number(key))}]` : 'undefined'
    // Keys Object.prototype has (constructor, toString, __proto__...) must be the object's own.
    const inObject =
      key in Object.prototype ? `(own.call(value, ${text}) ? value[${text}] : undefined)` : `value[${text}]`
    lines.push(
      `value = value !== null && typeof value === 'object' ? (isArray(value) ? ${inArray} : ${inObject}) : undefined;`
    )
  }
  return lines
}

/** The payload: an object literal when every value is present (and no key is `__proto__`), else key by key. */
function assemble(rules: readonly CompiledRule[]): string[] {
  const byKey = [
    'payload = new Payload();',
    ...rules.map((rule, k) =>
      rule.protoKey
        ? `if (sent${k} !== undefined) setOwn(payload, rule${k}.target, sent${k});`
        : `if (sent${k} !== undefined) payload[${JSON.stringify(rule.target)}] = sent${k};`
    )
  ]
  if (rules.some((rule) => rule.protoKey)) return ['let payload;', ...byKey]
  const present = rules.map((_, k) => `sent${k} !== undefined`).join(' && ') || 'true'
  const literal = ['"event_name": eventName', ...rules.map((rule, k) => `${JSON.stringify(rule.target)}: sent${k}`)]
  return ['let payload;', `if (${present}) payload = { ${literal.join(', ')} };`, 'else {', ...byKey, '}']
}
