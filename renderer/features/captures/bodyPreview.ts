import type { CaptureDetail } from '../../../shared/model/capture'

/** The most the inbox shows in an editor at once: beyond it Monaco slows; the full body is always kept in main. */
export const displayLimitChars = 1_000_000

export interface BodyPreview {
  text: string
  language: 'json' | 'plaintext'
  /** Set when only the start is shown. */
  truncated: { shownChars: number; totalChars: number } | null
}

/** What the Body tab shows: the decoded view, pretty JSON (forms and XML as the engine reads them). */
export function decodedPreview(capture: CaptureDetail): BodyPreview {
  if (capture.bodyKind === 'none') return { text: '', language: 'plaintext', truncated: null }
  if (capture.decodeError !== null || capture.bodyKind === 'text') return cap(capture.bodyText ?? '', 'plaintext')
  return cap(JSON.stringify(capture.parsed, null, 2) ?? '', 'json')
}

/** What the Raw tab shows: the bytes as received, as text when they are UTF-8, else a hex dump. */
export function rawPreview(capture: CaptureDetail): BodyPreview {
  if (capture.bodyText !== null) return cap(capture.bodyText, 'plaintext')
  if (capture.bodyBase64 === null) return { text: '', language: 'plaintext', truncated: null }
  return cap(hexDump(capture.bodyBase64), 'plaintext')
}

function cap(text: string, language: BodyPreview['language']): BodyPreview {
  if (text.length <= displayLimitChars) return { text, language, truncated: null }
  return {
    text: text.slice(0, displayLimitChars),
    language: 'plaintext',
    truncated: { shownChars: displayLimitChars, totalChars: text.length }
  }
}

/** Offset, sixteen bytes in hex, and their printable characters, per line. */
export function hexDump(base64: string): string {
  const binary = atob(base64)
  const lines: string[] = []
  for (let offset = 0; offset < binary.length && offset < displayLimitChars / 4; offset += 16) {
    const chunk = binary.slice(offset, offset + 16)
    const hex = [...chunk].map((char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join(' ')
    const printable = [...chunk].map((char) => (/[\x20-\x7e]/.test(char) ? char : '.')).join('')
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${printable}`)
  }
  return lines.join('\n')
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
