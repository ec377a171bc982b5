import type { Transform } from '../../model/mapping'
import { compilePathReader, type PathReader } from '../sourcePath/compilePathReader'
import { parsePath } from '../sourcePath/parsePath'
import type { CompiledTransform, TransformScope } from './transformStep'

type Piece = string | { reader: PathReader; fromPayloadRoot: boolean; text: string } | { current: true }

function textOf(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'object') return Array.isArray(value) ? value.map(textOf).join(',') : JSON.stringify(value)
  return String(value)
}

/**
 * The same template with every placeholder that reads the item made to read the whole payload (`{city}` becomes
 * `{$.city}`), for a rule that goes on reading what it read once fan-out is turned on. A template that does not
 * parse comes back as it is: its error is shown where it is edited.
 */
export function templateReadingPayload(text: string): string {
  let result = ''
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    if ((char === '{' || char === '}') && text.charAt(index + 1) === char) {
      result += char + char
      index++
      continue
    }
    if (char !== '{') {
      result += char
      continue
    }
    const close = text.indexOf('}', index + 1)
    if (close === -1) return text
    const inner = text.slice(index + 1, close).trim()
    const parsed = inner === '' ? undefined : parsePath(inner)
    if (parsed && !parsed.ok) return text
    const readsItem = parsed?.ok === true && !parsed.path.fromPayloadRoot
    result += readsItem ? `{$${inner.startsWith('[') ? '' : '.'}${inner}}` : text.slice(index, close + 1)
    index = close
  }
  return result
}

/**
 * Builds text from literal parts and placeholders: `{path}` reads the item (the payload without fan-out), `{$.path}`
 * the whole payload, `{}` the current value; `{{` and `}}` are literal braces. A placeholder with nothing there
 * writes nothing and says so (missing_value).
 */
export function template(transform: Extract<Transform, { kind: 'template' }>): CompiledTransform {
  const pieces: Piece[] = []
  const source = transform.template
  let literal = ''
  for (let index = 0; index < source.length; index++) {
    const char = source.charAt(index)
    if ((char === '{' || char === '}') && source.charAt(index + 1) === char) {
      literal += char
      index++
      continue
    }
    if (char === '}') return { ok: false, error: `template: an unmatched "}" at position ${index + 1} (write "}}").` }
    if (char !== '{') {
      literal += char
      continue
    }
    const close = source.indexOf('}', index + 1)
    if (close === -1) return { ok: false, error: `template: the "{" at position ${index + 1} is not closed.` }
    if (literal !== '') pieces.push(literal)
    literal = ''
    const inner = source.slice(index + 1, close).trim()
    if (inner === '') pieces.push({ current: true })
    else {
      const parsed = parsePath(inner)
      if (!parsed.ok) return { ok: false, error: `template: ${parsed.error}` }
      pieces.push({
        reader: compilePathReader(parsed.path.segments, inner),
        fromPayloadRoot: parsed.path.fromPayloadRoot,
        text: inner
      })
    }
    index = close
  }
  if (literal !== '') pieces.push(literal)
  return {
    ok: true,
    readsItem: pieces.some((piece) => typeof piece !== 'string' && 'reader' in piece && !piece.fromPayloadRoot),
    step(value, scope: TransformScope, report) {
      let text = ''
      for (const piece of pieces) {
        if (typeof piece === 'string') text += piece
        else if ('current' in piece) text += textOf(value)
        else {
          const root = piece.fromPayloadRoot ? scope.payload : scope.item
          const read = piece.reader.read(root)
          if (read === undefined || read === null) {
            const pointer = (piece.fromPayloadRoot ? '' : scope.itemPointer) + piece.reader.pointer(root)
            report(
              'info',
              'missing_value',
              `template: nothing at ${piece.text} (${piece.reader.explainMissing(root)}).`,
              pointer
            )
          }
          text += textOf(read)
        }
      }
      return text
    }
  }
}
