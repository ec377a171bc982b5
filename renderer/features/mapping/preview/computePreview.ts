import { compileMapping, type CompiledMapping } from '../../../../shared/engine/compileMapping'
import { decodeJson } from '../../../../shared/engine/decode/decodeJson'
import type { EngineDiagnostic } from '../../../../shared/engine/diagnostics'
import { jsonTextRanges, type JsonTextRange } from '../../../../shared/engine/jsonTextRanges'
import { resolveMatch } from '../../../../shared/engine/resolveMatch'
import type { PreviewRequest, PreviewResult, TextMarker, ValueOrigin } from './previewProtocol'

type Ranges = Map<string, JsonTextRange>

/**
 * Runs a mapping on a payload text with the same shared/engine that relays payloads, and places what it says in the
 * two texts: diagnostics as markers (input side by `inputPointer`, output side by `outputPointer`) and each output
 * value's origin. Keeps the last compiled mapping and the last parsed payload: a keystroke in the rule editor
 * re-compiles but does not re-parse a large payload, and an edit of the payload does not re-compile.
 */
export function createPreviewComputer() {
  let compiledKey = ''
  let compiled: CompiledMapping | undefined
  let parsedText: string | undefined
  let parsed: ReturnType<typeof decodeJson> | undefined
  let inputRanges: Ranges = new Map()

  return async function computePreview(request: PreviewRequest): Promise<PreviewResult> {
    const { id, payloadText } = request
    if (payloadText !== parsedText) {
      parsedText = payloadText
      parsed = decodeJson(payloadText)
      inputRanges = parsed.ok ? jsonTextRanges(payloadText) : new Map()
    }
    if (!parsed?.ok) {
      const message = `The payload under test is not JSON: ${parsed?.error ?? 'empty'}.`
      return {
        id,
        outputText: '',
        matched: false,
        valid: false,
        outputCount: 0,
        markers: [{ side: 'input', start: 0, end: 1, severity: 'error', code: 'decode_error', message }],
        origins: [],
        diagnostics: [],
        payloadError: message
      }
    }
    const spec = request.integration ? resolveMatch(request.spec, request.integration) : request.spec
    const key = JSON.stringify([spec, request.event])
    if (key !== compiledKey || !compiled) {
      compiled = compileMapping(spec, request.event, { clock: () => performance.now() })
      compiledKey = key
    }
    const result = await compiled(parsed.value)
    const payloads = result.outputs.map((output) => output.payload)
    const single = payloads.length === 1
    const outputText = JSON.stringify(single ? payloads[0] : payloads, null, 2)
    const outputRanges = jsonTextRanges(outputText)
    // Pointers say `/<output index>/<key>`; a single output is shown as the object itself.
    const outputPointer = (pointer: string) => (single ? pointer.replace(/^\/0(?=\/|$)/, '') : pointer)
    const headOf = (index: number) => {
      const base = single ? '' : `/${index}`
      const name = outputRanges.get(`${base}/event_name`)
      return name ? { start: name.keyStart ?? name.start, end: name.end } : { start: 0, end: 1 }
    }

    const diagnostics = [...parsed.diagnostics, ...result.diagnostics]
    const markers: TextMarker[] = []
    for (const diagnostic of diagnostics) {
      const base = { severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message }
      if (diagnostic.inputPointer !== undefined) {
        const place = locate(inputRanges, diagnostic.inputPointer)
        if (place) markers.push({ side: 'input', ...place, ...base })
      }
      if (diagnostic.outputPointer !== undefined) {
        const pointer = outputPointer(diagnostic.outputPointer)
        const index = Number(/^\/(\d+)/.exec(diagnostic.outputPointer)?.[1] ?? 0)
        const exact = outputRanges.get(pointer)
        markers.push({ side: 'output', ...(exact ? whole(exact) : headOf(index)), ...base })
      } else if (diagnostic.inputPointer === undefined || diagnostic.attribute !== undefined) {
        // About the mapping itself (a required attribute no rule sets...): shown at the head of the output.
        markers.push({ side: 'output', ...headOf(0), ...base })
      }
    }

    const origins: ValueOrigin[] = []
    result.outputs.forEach((output, index) => {
      for (const entry of output.provenance) {
        const range = outputRanges.get(outputPointer(`/${index}/${escapeToken(entry.target)}`))
        const origin: ValueOrigin = {
          target: entry.target,
          source: entry.source,
          transforms: entry.transforms,
          raw: entry.raw,
          value: entry.value,
          output: range ? whole(range) : null,
          inputs: entry.inputPointers.flatMap((pointer) => {
            const found = inputRanges.get(pointer)
            return found ? [whole(found)] : []
          })
        }
        if (entry.path !== undefined) origin.path = entry.path
        origins.push(origin)
      }
    })

    return {
      id,
      outputText,
      matched: result.matched,
      valid: result.valid,
      outputCount: payloads.length,
      markers,
      origins,
      diagnostics: diagnostics as EngineDiagnostic[]
    }
  }
}

const escapeToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1')

const whole = (range: JsonTextRange) => ({ start: range.keyStart ?? range.start, end: range.end })

/** The value at a pointer, or (for something missing) the key of its nearest existing parent. */
function locate(ranges: Ranges, pointer: string): { start: number; end: number } | undefined {
  const exact = ranges.get(pointer)
  if (exact) return whole(exact)
  let parent = pointer
  while (parent !== '') {
    parent = parent.slice(0, parent.lastIndexOf('/'))
    const found = ranges.get(parent)
    if (found) {
      if (found.keyStart !== undefined && found.keyEnd !== undefined)
        return { start: found.keyStart, end: found.keyEnd }
      return { start: found.start, end: Math.min(found.end, found.start + 1) }
    }
  }
  return undefined
}
