import type { BodyKind } from './decodeBody'

export interface MediaType {
  kind: Exclude<BodyKind, 'empty'>
  charset?: string
}

/**
 * Reads a Content-Type header into the kind of decoding it asks for (RFC 9110 §8.3): JSON for application/json,
 * text/json and any `+json` (the JSON MIME types of the WHATWG MIME Sniffing standard), form for
 * application/x-www-form-urlencoded, XML for application/xml, text/xml and any `+xml`, text for every other text/*
 * and for anything else (read as UTF-8); JSON when there is no header at all is the caller's choice, not ours, so an
 * absent header means text.
 */
export function mediaType(contentType: string | undefined): MediaType {
  if (contentType === undefined) return { kind: 'text' }
  const [essence = '', ...parameters] = contentType.split(';')
  const type = essence.trim().toLowerCase()
  const charset = parameters
    .map((parameter) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined)
  const kind =
    type === 'application/json' || type === 'text/json' || type.endsWith('+json')
      ? 'json'
      : type === 'application/x-www-form-urlencoded'
        ? 'form'
        : type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')
          ? 'xml'
          : 'text'
  return charset === undefined ? { kind } : { kind, charset }
}

const extensionTypes: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  form: 'application/x-www-form-urlencoded',
  txt: 'text/plain'
}

/** The content type a file's extension implies (.json, .xml, .form, .txt); JSON for any other or none (the CLI's rule). */
export function contentTypeForFile(fileNameOrExtension: string): string {
  const extension = /(?:^|\.)([^./\\]+)$/.exec(fileNameOrExtension.toLowerCase())?.[1] ?? ''
  return extensionTypes[extension] ?? 'application/json'
}
