import type { CaptureDetail } from '../../../shared/model/capture'

/** Headers about the connection, which curl sets itself. */
const skipped = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'expect', 'accept-encoding'])

/** Quotes text for a POSIX shell: inside single quotes nothing is special but the quote itself. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/**
 * The capture as a curl command against `baseUrl` (the listener's), body byte for byte: as text when it is UTF-8,
 * else piped in from base64. Masked credentials stay masked: the studio never kept them.
 */
export function curlCommand(capture: CaptureDetail, baseUrl: string): string {
  const search = new URLSearchParams(capture.query).toString()
  const url = `${baseUrl.replace(/\/+$/, '')}${capture.path}${search ? `?${search}` : ''}`
  const parts = ['curl', '-X', capture.method, shellQuote(url)]
  for (const [name, value] of capture.headers) {
    if (!skipped.has(name.toLowerCase())) parts.push('-H', shellQuote(`${name}: ${value}`))
  }
  if (capture.bodyBase64 === null || capture.bodyBase64 === '') return parts.join(' ')
  if (capture.bodyText !== null) return [...parts, '--data-binary', shellQuote(capture.bodyText)].join(' ')
  return `printf %s ${shellQuote(capture.bodyBase64)} | base64 -d | ${[...parts, '--data-binary', '@-'].join(' ')}`
}
