import type { EngineDiagnostic } from '../diagnostics'
import { decodeForm } from './decodeForm'
import { decodeJson } from './decodeJson'
import { decodeXml } from './decodeXml'
import { contentTypeForFile, mediaType } from './mediaType'
import { decodeText } from './textDecoding'

export type BodyKind = 'json' | 'form' | 'xml' | 'text' | 'empty'

export interface DecodedBody {
  kind: BodyKind
  value: unknown
  diagnostics: EngineDiagnostic[]
  /**
   * Set when the body could not be parsed as its declared kind (e.g. invalid JSON); value is then the text. A clause
   * without a full stop at its end ("Invalid JSON at line 1, column 3: …"): the caller ends the sentence.
   */
  error?: string
}

/**
 * Decodes an inbound body by its Content-Type, by one set of rules for the listener, the CLI and bundles (README
 * "Mapping engine"). Never throws: a body that is not what its type says comes back as text with `error` set.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): DecodedBody {
  if (bytes.length === 0) return { kind: 'empty', value: null, diagnostics: [] }
  const { kind, charset } = mediaType(contentType)
  const { text, problem } = decodeText(bytes, charset)
  const diagnostics: EngineDiagnostic[] = []
  if (problem !== undefined) diagnostics.push({ severity: 'warning', code: 'decode_error', message: problem })
  switch (kind) {
    case 'json': {
      // Only white space is no JSON value at all, as an empty body is: both are read as empty, not as invalid JSON.
      if (text.trim() === '') return { kind: 'empty', value: null, diagnostics }
      const decoded = decodeJson(text)
      if (!decoded.ok) return failed('json', text, decoded.error, diagnostics)
      return { kind, value: decoded.value, diagnostics: [...diagnostics, ...decoded.diagnostics] }
    }
    case 'form': {
      const decoded = decodeForm(text)
      return { kind, value: decoded.value, diagnostics: [...diagnostics, ...decoded.diagnostics] }
    }
    case 'xml': {
      const decoded = decodeXml(text)
      if (!decoded.ok) return failed('xml', text, decoded.error, diagnostics)
      return { kind, value: decoded.value, diagnostics }
    }
    case 'text':
      return { kind, value: text, diagnostics }
  }
}

/** Decodes a file's bytes by its name's extension (.json, .xml, .form, .txt; JSON otherwise), as `capmap` does. */
export function decodeBodyForFile(bytes: Uint8Array, fileNameOrExtension: string): DecodedBody {
  return decodeBody(bytes, contentTypeForFile(fileNameOrExtension))
}

function failed(kind: BodyKind, text: string, error: string, diagnostics: EngineDiagnostic[]): DecodedBody {
  return {
    kind,
    value: text,
    error,
    diagnostics: [...diagnostics, { severity: 'error', code: 'decode_error', message: error, inputPointer: '' }]
  }
}
