import { checkAttributeCount } from '../capillary/checkAttributeCount'
import { capillaryDatePattern } from '../capillary/findCapillaryDateFormat'
import { type ValueConformer, valueConformer } from '../capillary/valueConformer'
import type { AttributeDraft, EventDraft } from '../model/event'
import { extraTargets, type MappingRule, type MappingSpec, type TransformKind } from '../model/mapping'
import { DateValue } from './dates/dateValue'
import { type DiagnosticSeverity, type EngineDiagnostic, pointerToken } from './diagnostics'
import { setOwn } from './decode/setOwn'
import { checkExpression } from './expressions/checkExpression'
import { createJsonataEvaluator } from './expressions/createJsonataEvaluator'
import type { ExpressionEvaluator, ExpressionOutcome } from './expressions/expressionEvaluator'
import { generateOutputBuilder, type SourceCompiler } from './generatedOutputBuilder'
import type { CapillaryPayload, FieldProvenance, MappingOutput, MappingResult } from './mappingResult'
import { compilePathReader, type PathReader } from './sourcePath/compilePathReader'
import { parsePath, type PathSegment } from './sourcePath/parsePath'
import { compileTransform } from './transforms/compileTransform'
import { absence } from './transforms/defaultValue'
import { writeDate } from './transforms/formatDate'
import type { Report, TransformScope, TransformStep } from './transforms/transformStep'
import { quoteValue } from '../capillary/quoteValue'

/** The part of an event the engine needs: its Capillary name and attributes (a draft or a stored definition). */
export type MappingEvent = Pick<EventDraft, 'name' | 'kind' | 'attributes'>

export interface CompileOptions {
  /** Milliseconds from a monotonic clock, for the JSONata time limit (none without it: shared code reads no clock). */
  clock?: () => number
  /** Per JSONata evaluation; default 1000 ms. */
  expressionTimeLimitMs?: number
  /** Runs JSONata rules; default in this thread (createJsonataEvaluator). Main passes one backed by a worker. */
  expressionEvaluator?: ExpressionEvaluator
  /** Per-field provenance in each output; default true (the relay may turn it off). */
  provenance?: boolean
  /**
   * Node only (main passes it; the renderer never does, its CSP has no 'unsafe-eval'): outputs are then built by one
   * function generated from the validated model (generatedOutputBuilder), giving exactly what the closures give.
   */
  sourceCompiler?: SourceCompiler
}

interface Shared {
  readonly problems: readonly EngineDiagnostic[]
}
export type SyncCompiledMapping = ((payload: unknown) => MappingResult) & Shared & { readonly isAsync: false }
export type AsyncCompiledMapping = ((payload: unknown) => Promise<MappingResult>) & Shared & { readonly isAsync: true }
/** Run it with `await compiled(payload)` whichever it is; `isAsync` says whether it returns a promise. */
export type CompiledMapping = SyncCompiledMapping | AsyncCompiledMapping

export interface CompiledRule {
  target: string
  outputPointerSuffix: string
  isCustomer: boolean
  required: boolean
  source: 'path' | 'constant' | 'expression'
  reader: PathReader | undefined
  /** The reader's parsed path (a generated builder reads key-only paths inline). */
  segments: readonly PathSegment[] | undefined
  fromPayload: boolean
  constant: unknown
  /** Index into the expression values of one item. */
  slot: number
  steps: TransformStep[]
  transformKinds: TransformKind[]
  conform: ValueConformer
  path: string | undefined
  /** Reads only the payload (not the item): under fan-out it is evaluated once per payload. */
  payloadLevel: boolean
  /** The output key is `__proto__`, which only defineProperty can set as data. */
  protoKey: boolean
  /** A parseDate is not followed by a formatDate: the value may still be a moment, to be written by default. */
  mayGiveMoment: boolean
}

/**
 * What one run is doing, mutated as it goes so that nothing is allocated per rule: pointers are only written out
 * when a diagnostic (or provenance) needs them.
 */
export interface RunState {
  diagnostics: EngineDiagnostic[]
  /** The rule being evaluated (attribute and output key of its diagnostics), and the output index. */
  rule: CompiledRule | undefined
  outputIndex: number
  /** Where the rule's value was read: `pointerBase` + the reader's pointer in `pointerRoot`, when there was one. */
  pointerReader: PathReader | undefined
  pointerRoot: unknown
  pointerBase: string
  errors: number
  /** Errors reported by the rule being evaluated. */
  ruleErrors: number
  /** While a payload-level rule is evaluated once for all items, what it reports is kept here to replay. */
  recording: Recorded[] | undefined
  /** Payload-level rules' outcomes, by rule index, shared by the items of one payload. */
  hoisted: (RuleOutcome | undefined)[]
  /** What the rule just evaluated gave. */
  raw: unknown
  sent: unknown
  sourcePointer: string | undefined
}

export interface Recorded {
  severity: DiagnosticSeverity
  code: EngineDiagnostic['code']
  message: string
  inputPointer: string | undefined
}

interface RuleOutcome {
  raw: unknown
  sent: unknown
  sourcePointer: string | undefined
  recorded: Recorded[]
}

type Items = { item: unknown; itemPointer: string }[]

/** Builds output `index` of a run from one item; the closure engine's buildOutput or a generated one. */
export type OutputBuilder = (
  scope: TransformScope,
  index: number,
  values: readonly ExpressionOutcome[],
  run: RunState,
  report: Report
) => MappingOutput

/** What a generated output builder is given (as values: none of it is written into its source). */
export interface OutputBuilderParts {
  rules: readonly CompiledRule[]
  Payload: new () => CapillaryPayload
  eventName: string
  withProvenance: boolean
  fannedOut: boolean
  staticErrors: number
  push: (
    run: RunState,
    severity: DiagnosticSeverity,
    code: EngineDiagnostic['code'],
    message: string,
    pointer: string | undefined
  ) => void
  reportAbsent: (
    rule: CompiledRule,
    absent: 'missing' | 'null' | 'empty',
    scope: TransformScope,
    report: Report
  ) => void
  absence: typeof absence
  DateValue: typeof DateValue
  writeDate: typeof writeDate
  defaultDatePattern: typeof defaultDatePattern
  setOwn: typeof setOwn
}

// Without formatDate, a moment is written in Capillary's plainest accepted format, in UTC (Capillary's own default
// for a missing eventDateTime is its processing time in GMT: notes §2).
const defaultDatePattern = capillaryDatePattern('yyyy-MM-dd HH:mm:ss')
const extraTargetRules: Record<(typeof extraTargets)[number], AttributeDraft> = {
  eventDateTime: { name: 'eventDateTime', type: 'date', ...flags() },
  external_event_id: { name: 'external_event_id', type: 'string', ...flags() }
}

function flags() {
  return { description: '', isRequired: false, isUniqueKeyField: false, isPsiData: false, standard: false }
}

/**
 * Compiles a mapping once into a function from a decoded payload to Capillary payloads, by composing closures from
 * the validated model (paths parsed into readers, transforms from a closed set; no user text ever becomes code).
 * The function never throws: whatever the payload, it returns outputs with provenance and diagnostics. It is
 * synchronous unless the mapping has JSONata rules (jsonata 2.x is asynchronous).
 */
export function compileMapping(spec: MappingSpec, event: MappingEvent, options: CompileOptions = {}): CompiledMapping {
  const problems: EngineDiagnostic[] = []
  const problem = (severity: DiagnosticSeverity, code: EngineDiagnostic['code'], message: string, attribute?: string) =>
    problems.push(attribute === undefined ? { severity, code, message } : { severity, code, message, attribute })
  const withProvenance = options.provenance ?? true
  const expressions: string[] = []
  const evaluator =
    options.expressionEvaluator ??
    createJsonataEvaluator({
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.expressionTimeLimitMs !== undefined ? { timeLimitMs: options.expressionTimeLimitMs } : {})
    })

  const addExpression = (expression: string, attribute?: string): number => {
    const syntax = checkExpression(expression)
    if (syntax !== undefined) {
      problem('error', 'expression_error', `The JSONata expression does not parse: ${syntax}.`, attribute)
      return -1
    }
    expressions.push(expression)
    return expressions.length - 1
  }

  for (const issue of checkAttributeCount(event)) problem(issue.severity, 'too_many_attributes', issue.message)

  const rules = compileRules(spec.rules ?? [], event, problem, addExpression)

  // Match
  const match = spec.match
  let matchReader: PathReader | undefined
  let matchNames: ReadonlySet<string> | undefined
  let matchSlot = -1
  let matchBroken = false
  if (match.kind === 'eventName') {
    const parsed = parsePath(match.field)
    if (parsed.ok) {
      matchReader = compilePathReader(parsed.path.segments, match.field)
      matchNames = new Set(match.sourceNames)
    } else {
      problem('error', 'invalid_rule', `The event-name field: ${parsed.error}`)
      matchBroken = true
    }
  } else if (match.kind === 'expression') {
    matchSlot = addExpression(match.expression)
    matchBroken = matchSlot === -1
  }

  // Fan-out
  let fanOutReader: PathReader | undefined
  let fanOutBroken = false
  if (spec.fanOut) {
    const parsed = parsePath(spec.fanOut.path)
    if (parsed.ok && parsed.path.segments.some((segment) => 'every' in segment)) {
      // Each item must have one place in the payload (its pointer); a [*] path gathers values from many.
      problem('error', 'invalid_rule', `The fan-out path ${spec.fanOut.path} must name one list, without [*].`)
      fanOutBroken = true
    } else if (parsed.ok) fanOutReader = compilePathReader(parsed.path.segments, spec.fanOut.path)
    else {
      problem('error', 'invalid_rule', `The fan-out path: ${parsed.error}`)
      fanOutBroken = true
    }
  }

  // One constructor per compiled mapping lets V8 size the output objects for their keys (slack tracking), about three
  // times faster than growing an object literal key by key; with Object.prototype as their prototype they stay plain
  // objects (JSON, structured clone and deep equality see no difference).
  const eventName = event.name
  const Payload = function (this: { event_name: string }) {
    this.event_name = eventName
  } as unknown as new () => { event_name: string }
  Payload.prototype = Object.prototype

  const staticErrors = problems.filter((entry) => entry.severity === 'error').length
  const ruleExpressions = rules.filter((rule) => rule.source === 'expression')
  const isAsync = expressions.length > 0

  function newRun(): RunState {
    return {
      diagnostics: [...problems],
      rule: undefined,
      outputIndex: -1,
      pointerReader: undefined,
      pointerRoot: undefined,
      pointerBase: '',
      errors: 0,
      ruleErrors: 0,
      recording: undefined,
      hoisted: [],
      raw: undefined,
      sent: undefined,
      sourcePointer: undefined
    }
  }

  function reporterFor(run: RunState): Report {
    return (severity, code, message, inputPointer) => {
      const pointer = inputPointer ?? sourcePointerOf(run)
      if (severity === 'error') run.ruleErrors++
      if (run.recording) run.recording.push({ severity, code, message, inputPointer: pointer })
      else push(run, severity, code, message, pointer)
    }
  }

  function sourcePointerOf(run: RunState): string | undefined {
    return run.pointerReader ? run.pointerBase + run.pointerReader.pointer(run.pointerRoot) : undefined
  }

  function push(
    run: RunState,
    severity: DiagnosticSeverity,
    code: EngineDiagnostic['code'],
    message: string,
    pointer: string | undefined
  ): void {
    const diagnostic: EngineDiagnostic = { severity, code, message }
    if (run.rule !== undefined) diagnostic.attribute = run.rule.target
    if (pointer !== undefined) diagnostic.inputPointer = pointer
    if (run.rule !== undefined && run.outputIndex !== -1) {
      diagnostic.outputPointer = `/${run.outputIndex}${run.rule.outputPointerSuffix}`
    }
    run.diagnostics.push(diagnostic)
    if (severity === 'error') run.errors++
  }

  function matchByName(payload: unknown, report: Report): boolean {
    if (matchBroken) return false
    if (!matchReader || !matchNames) return true
    const value = matchReader.read(payload)
    const name = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined
    if (name !== undefined && matchNames.has(name)) return true
    const expected = [...matchNames].map((entry) => JSON.stringify(entry)).join(', ')
    const message =
      value === undefined
        ? `Not this event: nothing at ${matchReader.text} (${matchReader.explainMissing(payload)}); expected one of ${expected}.`
        : `Not this event: ${matchReader.text} is ${typeof value === 'string' ? quoteValue(value) : JSON.stringify(value)}, not one of ${expected || '(no source names)'}.`
    report('info', 'no_match', message, matchReader.pointer(payload))
    return false
  }

  function fanOut(payload: unknown, report: Report): Items {
    if (fanOutBroken) return []
    if (!fanOutReader) return [{ item: payload, itemPointer: '' }]
    const value = fanOutReader.read(payload)
    const pointer = fanOutReader.pointer(payload)
    if (Array.isArray(value)) {
      if (value.length === 0)
        report('warning', 'fan_out_empty', `${fanOutReader.text} is an empty list: no event is made.`, pointer)
      return value.map((item, index) => ({ item, itemPointer: `${pointer}/${index}` }))
    }
    if (value !== null && typeof value === 'object') {
      // XML gives an object, not a list, for an element that occurs once.
      report(
        'info',
        'fan_out_not_array',
        `${fanOutReader.text} is a single object, so it is read as a list of one.`,
        pointer
      )
      return [{ item: value, itemPointer: pointer }]
    }
    if (value === undefined) {
      report(
        'warning',
        'fan_out_empty',
        `Nothing at ${fanOutReader.text} (${fanOutReader.explainMissing(payload)}): no event is made.`,
        pointer
      )
    } else report('warning', 'fan_out_not_array', `${fanOutReader.text} is not a list: no event is made.`, pointer)
    return []
  }

  function buildOutput(
    scope: TransformScope,
    index: number,
    values: readonly ExpressionOutcome[],
    run: RunState,
    report: Report
  ): MappingOutput {
    const payload = new Payload() as CapillaryPayload
    const provenance: FieldProvenance[] = []
    const errorsBefore = run.errors
    run.outputIndex = index
    for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex++) {
      const rule = rules[ruleIndex] as CompiledRule
      run.rule = rule
      let raw: unknown
      let sent: unknown
      let sourcePointer: string | undefined
      if (rule.payloadLevel && fanOutReader) {
        // Evaluated for the first item, replayed (with this output's pointer) for the others.
        let hoisted = run.hoisted[ruleIndex]
        if (hoisted === undefined) {
          run.recording = []
          evaluateRule(rule, scope, values, run, report)
          hoisted = { raw: run.raw, sent: run.sent, sourcePointer: run.sourcePointer, recorded: run.recording }
          run.recording = undefined
          run.hoisted[ruleIndex] = hoisted
        }
        for (let entry = 0; entry < hoisted.recorded.length; entry++) {
          const { severity, code, message, inputPointer } = hoisted.recorded[entry] as Recorded
          push(run, severity, code, message, inputPointer)
        }
        raw = hoisted.raw
        sent = hoisted.sent
        sourcePointer = hoisted.sourcePointer
      } else {
        evaluateRule(rule, scope, values, run, report)
        raw = run.raw
        sent = run.sent
        sourcePointer = run.sourcePointer
      }
      if (sent !== undefined) {
        if (rule.protoKey) setOwn(payload, rule.target, sent)
        else payload[rule.target] = sent
      }
      if (withProvenance) {
        const entry: FieldProvenance = {
          target: rule.target,
          source: rule.source,
          inputPointers: raw !== undefined && sourcePointer !== undefined ? [sourcePointer] : [],
          transforms: rule.transformKinds,
          raw,
          value: sent
        }
        if (rule.path !== undefined) entry.path = rule.path
        provenance.push(entry)
      }
    }
    run.rule = undefined
    run.outputIndex = -1
    run.pointerReader = undefined
    const output: MappingOutput = { payload, provenance, valid: run.errors === errorsBefore && staticErrors === 0 }
    if (fanOutReader) output.itemPointer = scope.itemPointer
    return output
  }

  /** Reads, transforms and checks one rule's value into run.raw, run.sent; what it finds goes to `report`. */
  function evaluateRule(
    rule: CompiledRule,
    scope: TransformScope,
    values: readonly ExpressionOutcome[],
    run: RunState,
    report: Report
  ): void {
    run.pointerReader = undefined
    run.ruleErrors = 0
    let raw: unknown
    if (rule.source === 'path' && rule.reader) {
      const root = rule.fromPayload ? scope.payload : scope.item
      raw = rule.reader.read(root)
      run.pointerRoot = root
      run.pointerBase = rule.fromPayload ? '' : scope.itemPointer
      // A value made from nothing (a default, a count of nothing) did not come from the input: no pointer then.
      if (raw !== undefined) run.pointerReader = rule.reader
    } else if (rule.source === 'constant') raw = rule.constant
    else {
      const outcome = values[rule.slot]
      if (outcome === undefined || !outcome.ok) {
        if (outcome) report('error', outcome.code, outcome.message)
        raw = undefined
      } else raw = outcome.value
    }
    let value = raw
    for (const step of rule.steps) value = step(value, scope, report)
    if (rule.mayGiveMoment && value instanceof DateValue && defaultDatePattern)
      value = writeDate(value, defaultDatePattern, 'UTC', report)
    let sent: unknown
    const absent = absence(value)
    if (absent !== undefined) {
      if (run.ruleErrors === 0 || rule.required) {
        // What is missing is named, so it is pointed at even though nothing is there.
        if (rule.source === 'path') run.pointerReader = rule.reader
        reportAbsent(rule, absent, scope, report)
      }
    } else {
      const conformed = rule.conform(value)
      const { issues } = conformed
      for (let index = 0; index < issues.length; index++) {
        const issue = issues[index] as (typeof issues)[number]
        report(issue.severity, issue.code, issue.message)
      }
      sent = conformed.value
    }
    run.raw = raw
    run.sent = sent
    run.sourcePointer =
      withProvenance && raw !== undefined && rule.reader
        ? run.pointerBase + rule.reader.pointer(run.pointerRoot)
        : undefined
  }

  function reportAbsent(
    rule: CompiledRule,
    absent: 'missing' | 'null' | 'empty',
    scope: TransformScope,
    report: Report
  ) {
    const what =
      absent === 'missing'
        ? rule.source === 'path' && rule.reader
          ? `nothing at ${rule.reader.text} (${rule.reader.explainMissing(rule.fromPayload ? scope.payload : scope.item)})`
          : rule.source === 'expression'
            ? 'the expression gave no value'
            : 'no value'
        : absent === 'null'
          ? 'the value is null'
          : 'the value is empty'
    if (rule.isCustomer) {
      report('error', 'missing_customer', `No customer identifier: ${what}. Capillary rejects events without one.`)
    } else if (rule.required) {
      report('error', 'missing_required', `${rule.target} is required, but ${what}.`)
    } else {
      const code = absent === 'missing' ? 'missing_value' : absent === 'null' ? 'null_value' : 'empty_value'
      report('info', code, `${rule.target} is left out: ${what}.`)
    }
  }

  // Generated code is only faster: should it ever fail to compile, the closures give the same results.
  let build: OutputBuilder = buildOutput
  if (options.sourceCompiler) {
    try {
      build = generateOutputBuilder(
        {
          rules,
          Payload: Payload as unknown as new () => CapillaryPayload,
          eventName,
          withProvenance,
          fannedOut: fanOutReader !== undefined,
          staticErrors,
          push,
          reportAbsent,
          absence,
          DateValue,
          writeDate,
          defaultDatePattern,
          setOwn
        },
        options.sourceCompiler
      )
    } catch {
      build = buildOutput
    }
  }

  function result(run: RunState, matched: boolean, outputs: MappingOutput[]): MappingResult {
    return {
      matched,
      outputs,
      diagnostics: run.diagnostics,
      valid: outputs.length > 0 && run.diagnostics.every((entry) => entry.severity !== 'error')
    }
  }

  function failed(run: RunState, error: unknown): MappingResult {
    run.rule = undefined
    run.outputIndex = -1
    run.pointerReader = undefined
    run.recording = undefined
    reporterFor(run)('error', 'engine_error', `The engine failed on this payload: ${String(error)}`)
    return result(run, false, [])
  }

  if (!isAsync) {
    const noValues: ExpressionOutcome[] = []
    const runSync = (payload: unknown): MappingResult => {
      const run = newRun()
      try {
        const report = reporterFor(run)
        if (!matchByName(payload, report)) return result(run, false, [])
        const items = fanOut(payload, report)
        const outputs: MappingOutput[] = []
        for (let index = 0; index < items.length; index++) {
          const { item, itemPointer } = items[index] as Items[number]
          outputs.push(build({ payload, item, itemPointer }, index, noValues, run, report))
        }
        return result(run, true, outputs)
      } catch (error) {
        return failed(run, error)
      }
    }
    return Object.assign(runSync, { isAsync: false as const, problems })
  }

  const runAsync = async (payload: unknown): Promise<MappingResult> => {
    const run = newRun()
    try {
      const report = reporterFor(run)
      if (matchSlot !== -1) {
        const outcome = await evaluator.evaluate(expressions[matchSlot] ?? '', payload, payload)
        if (!outcome.ok) {
          report('error', outcome.code, `The match condition: ${outcome.message}`)
          return result(run, false, [])
        }
        if (!truthy(outcome.value)) {
          report('info', 'no_match', 'Not this event: the match condition is false for this payload.', '')
          return result(run, false, [])
        }
      } else if (!matchByName(payload, report)) return result(run, false, [])
      const outputs: MappingOutput[] = []
      const items = fanOut(payload, report)
      for (let index = 0; index < items.length; index++) {
        const { item, itemPointer } = items[index] as Items[number]
        const values = await Promise.all(
          ruleExpressions.map((rule) => evaluator.evaluate(expressions[rule.slot] ?? '', item, payload))
        )
        const slots: ExpressionOutcome[] = []
        ruleExpressions.forEach((rule, position) => {
          slots[rule.slot] = values[position] as ExpressionOutcome
        })
        outputs.push(build({ payload, item, itemPointer }, index, slots, run, report))
      }
      return result(run, true, outputs)
    } catch (error) {
      return failed(run, error)
    }
  }
  return Object.assign(runAsync, { isAsync: true as const, problems })
}

// JSONata's boolean casting ($boolean): empty text, 0, empty lists and objects, null and nothing are false.
function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(truthy)
  if (value !== null && typeof value === 'object') return Object.keys(value).length > 0
  return value !== undefined && value !== null && value !== false && value !== 0 && value !== ''
}

function internedKey(key: string): string {
  return Object.keys({ [key]: true })[0] ?? key
}

/**
 * A date written by formatDate is in one of Capillary's formats by construction (formatDate accepts no other), so
 * it need not be read again to be checked.
 */
function dateIsWritten(rule: MappingRule, attribute: AttributeDraft): boolean {
  return attribute.type === 'date' && rule.transforms?.at(-1)?.kind === 'formatDate'
}

const acceptWrittenDate: ValueConformer = (value) =>
  typeof value === 'string' ? { value, issues: [] } : valueConformer({ name: '', type: 'date' })(value)

function compileRules(
  specRules: readonly MappingRule[],
  event: MappingEvent,
  problem: (severity: DiagnosticSeverity, code: EngineDiagnostic['code'], message: string, attribute?: string) => void,
  addExpression: (expression: string, attribute?: string) => number
): CompiledRule[] {
  const attributes = new Map(event.attributes.map((attribute) => [attribute.name, attribute]))
  const order = [...event.attributes.map((attribute) => attribute.name), ...extraTargets]
  const seen = new Set<string>()
  const compiled: CompiledRule[] = []
  for (const rule of specRules) {
    const target = rule.target
    const attribute =
      attributes.get(target) ??
      (Object.hasOwn(extraTargetRules, target) ? extraTargetRules[target as (typeof extraTargets)[number]] : undefined)
    if (attribute === undefined) {
      const names = event.attributes.map((entry) => entry.name).join(', ')
      problem(
        'error',
        'unknown_target',
        `"${target}" is not an attribute of ${event.name} (its attributes: ${names}; or eventDateTime, external_event_id).`,
        target
      )
      continue
    }
    if (seen.has(target)) {
      problem('error', 'invalid_rule', `${target} has more than one rule; only the first is used.`, target)
      continue
    }
    seen.add(target)
    let broken = false
    let readsItem = false
    const steps: TransformStep[] = []
    for (const transform of rule.transforms ?? []) {
      const made = compileTransform(transform)
      if (made.ok) {
        steps.push(made.step)
        readsItem ||= made.readsItem ?? false
      } else {
        problem('error', 'invalid_rule', made.error, target)
        broken = true
      }
    }
    const base = {
      // Interned, as V8 interns property keys anyway: every output's store then finds it at once.
      target: internedKey(target),
      outputPointerSuffix: '/' + pointerToken(target),
      isCustomer: attribute.type === 'customer',
      // Capillary rejects events without the customer identifier (SETUP: no anonymous events), flagged or not.
      required: attribute.isRequired || attribute.isUniqueKeyField || attribute.type === 'customer',
      steps,
      transformKinds: (rule.transforms ?? []).map((transform) => transform.kind),
      conform: dateIsWritten(rule, attribute) ? acceptWrittenDate : valueConformer(attribute),
      reader: undefined,
      segments: undefined,
      fromPayload: false,
      constant: undefined,
      slot: -1,
      path: undefined,
      payloadLevel: false,
      protoKey: target === '__proto__',
      mayGiveMoment: (rule.transforms ?? []).some(
        (transform, index, all) =>
          transform.kind === 'parseDate' && !all.slice(index + 1).some((later) => later.kind === 'formatDate')
      )
    }
    const source = rule.source
    if (source.kind === 'path') {
      const parsed = parsePath(source.path)
      if (!parsed.ok) {
        problem('error', 'invalid_rule', parsed.error, target)
        continue
      }
      if (broken) continue
      const fromPayload = parsed.path.fromPayloadRoot || source.scope === 'payload'
      compiled.push({
        ...base,
        source: 'path',
        reader: compilePathReader(parsed.path.segments, source.path),
        segments: parsed.path.segments,
        fromPayload,
        path: source.path,
        payloadLevel: fromPayload && !readsItem
      })
    } else if (source.kind === 'constant') {
      if (!broken) compiled.push({ ...base, source: 'constant', constant: source.value, payloadLevel: !readsItem })
    } else {
      const slot = addExpression(source.expression, target)
      if (slot !== -1 && !broken) compiled.push({ ...base, source: 'expression', slot })
    }
  }
  for (const attribute of event.attributes) {
    if (seen.has(attribute.name)) continue
    if (!(attribute.isRequired || attribute.isUniqueKeyField || attribute.type === 'customer')) continue
    if (attribute.type === 'customer') {
      problem(
        'error',
        'missing_customer',
        `No rule sets the customer identifier ${attribute.name}; Capillary rejects events without one.`,
        attribute.name
      )
    } else problem('error', 'missing_required', `${attribute.name} is required, but no rule sets it.`, attribute.name)
  }
  return compiled.sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target))
}
