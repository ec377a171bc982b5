import { extraTargets, type MappingSpec } from '../model/mapping'
import { transformLabels } from '../model/transformLabels'
import type { MappingEvent } from './compileMapping'
import { parsePath } from './sourcePath/parsePath'

export type NativeTransformer = 'webEngageTransformer' | 'defaultTransformer'

/** Why a mapping needs the relay: one reason per rule (or for the match, fan-out) Capillary's adapter cannot do. */
export interface RelayReason {
  target?: string
  reason: string
}

/** One entry of Capillary's field map (notes §6.1): Capillary's name, the third party's name. */
interface FieldMapEntry {
  eventFieldName: string
  eventDataType: ''
  fieldName: string
}

export type AdapterMappingBody =
  | {
      transformerType: 'webEngageTransformer'
      webEngageTransformerData: {
        eventMapper: FieldMapEntry & { valueMap: Record<string, string> }
        eventFieldMapper: Record<string, FieldMapEntry[]>
      }
    }
  | { transformerType: 'defaultTransformer'; eventsMapped: string[] }

export type NativeMapping =
  | { native: true; transformerType: NativeTransformer; body: AdapterMappingBody }
  | { native: false; reasons: RelayReason[] }

const topLevelKey = (path: string): string | undefined => {
  const parsed = parsePath(path)
  if (!parsed.ok || parsed.path.segments.length !== 1) return undefined
  const [segment] = parsed.path.segments
  return segment !== undefined && 'key' in segment ? segment.key : undefined
}

/**
 * Says whether Capillary's own adapter (`POST /v2/events/adapter_mapping`, notes §6.1) can do this mapping: only
 * renames of top-level fields, with the event chosen by a top-level field's value (valueMap). If so it gives that
 * body; otherwise the rules that need the relay. The default transformer's documented body has no field map
 * (SLATE:L368-520), so through it only same-name fields pass; renames need the WebEngage transformer.
 * Note that the adapter does not normalise values (mobile digits, email case) as the relay does.
 */
export function capillaryNativeMapping(
  spec: MappingSpec,
  event: MappingEvent,
  transformer: NativeTransformer = 'webEngageTransformer'
): NativeMapping {
  const reasons: RelayReason[] = []
  let eventField: string | undefined
  let valueMap: Record<string, string> = {}
  const match = spec.match
  if (match.kind === 'eventName') {
    eventField = topLevelKey(match.field)
    if (eventField === undefined)
      reasons.push({ reason: `The event name is read from ${match.field}, not a top-level field.` })
    valueMap = Object.fromEntries(match.sourceNames.map((name) => [name, event.name]))
  } else if (match.kind === 'integration') {
    reasons.push({ reason: "Resolve the integration's event-name map first (resolveMatch)." })
  } else if (match.kind === 'expression') {
    reasons.push({ reason: 'A JSONata match condition needs the relay.' })
  } else {
    reasons.push({
      reason: "Matching every payload needs the relay: Capillary's adapter picks events by a name field."
    })
  }
  if (spec.fanOut) reasons.push({ reason: `Fan-out over ${spec.fanOut.path} (one event per item) needs the relay.` })

  const fields: FieldMapEntry[] = []
  for (const rule of spec.rules) {
    const { target } = rule
    if (rule.source.kind !== 'path') {
      reasons.push({
        target,
        reason: `${target} comes from ${rule.source.kind === 'constant' ? 'a constant' : 'a JSONata expression'}.`
      })
      continue
    }
    const key = topLevelKey(rule.source.path)
    if (key === undefined) {
      reasons.push({ target, reason: `${target} reads ${rule.source.path}, which is not a top-level field.` })
      continue
    }
    if (rule.transforms.length > 0) {
      reasons.push({
        target,
        reason: `${target} is transformed (${rule.transforms.map((entry) => transformLabels[entry.kind]).join(', ')}).`
      })
      continue
    }
    if ((extraTargets as readonly string[]).includes(target)) {
      if (key !== target) reasons.push({ target, reason: `${target} is read by Capillary under its own name only.` })
      continue
    }
    if (transformer === 'defaultTransformer' && key !== target) {
      reasons.push({
        target,
        reason: `${target} is renamed from ${key}; the default transformer has no documented field map.`
      })
      continue
    }
    fields.push({ eventFieldName: target, eventDataType: '', fieldName: key })
  }
  if (transformer === 'defaultTransformer' && match.kind === 'eventName') {
    const identity = eventField === 'event_name' && match.sourceNames.every((name) => name === event.name)
    if (!identity) reasons.push({ reason: `The default transformer expects event_name to be ${event.name} itself.` })
  }
  if (reasons.length > 0 || eventField === undefined) return { native: false, reasons }
  if (transformer === 'defaultTransformer') {
    return {
      native: true,
      transformerType: transformer,
      body: { transformerType: transformer, eventsMapped: [event.name] }
    }
  }
  return {
    native: true,
    transformerType: transformer,
    body: {
      transformerType: transformer,
      webEngageTransformerData: {
        eventMapper: { eventFieldName: 'event_name', eventDataType: '', fieldName: eventField, valueMap },
        eventFieldMapper: { [event.name]: fields }
      }
    }
  }
}
