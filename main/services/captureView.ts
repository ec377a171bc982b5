import type { CaptureDetail } from '../../shared/model/capture'
import { displayLimitChars, type BodyExcerpt, type CaptureView } from '../../shared/model/captureInbox'

/** A capture's detail as the inbox shows it: the decoded and raw views of its body, each cut for an editor. */
export function captureView(detail: CaptureDetail, signedAs: CaptureView['signedAs']): CaptureView {
  const { bodyBase64, bodyText, contentText: _contentText, parsed: _parsed, ...rest } = detail
  const hasBody = bodyBase64 !== null && bodyBase64 !== ''
  return {
    ...rest,
    hasBody,
    isText: bodyText !== null,
    decoded: decodedExcerpt(detail),
    raw:
      bodyText !== null
        ? excerpt(bodyText, 'plaintext')
        : excerpt(hexDump(Buffer.from(bodyBase64 ?? '', 'base64')), 'plaintext'),
    signedAs
  }
}

function decodedExcerpt(detail: CaptureDetail): BodyExcerpt {
  if (detail.bodyKind === 'none' || detail.bodyKind === 'empty') return excerpt('', 'plaintext')
  if (detail.decodeError !== null || detail.bodyKind === 'text') return excerpt(detail.contentText ?? '', 'plaintext')
  return excerpt(JSON.stringify(detail.parsed, null, 2) ?? '', 'json')
}

function excerpt(text: string, language: BodyExcerpt['language']): BodyExcerpt {
  if (text.length <= displayLimitChars) return { text, language, totalChars: text.length }
  // Cut JSON is no longer JSON: shown as text, so the editor does not flag the cut as an error.
  return { text: text.slice(0, displayLimitChars), language: 'plaintext', totalChars: text.length }
}

/** Offset, sixteen bytes in hex and their printable characters, per line (at most a quarter of the display limit). */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = []
  const end = Math.min(bytes.length, displayLimitChars / 4)
  for (let offset = 0; offset < end; offset += 16) {
    const chunk = [...bytes.subarray(offset, Math.min(offset + 16, end))]
    const hex = chunk.map((byte) => byte.toString(16).padStart(2, '0')).join(' ')
    const printable = chunk.map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join('')
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${printable}`)
  }
  return lines.join('\n')
}
