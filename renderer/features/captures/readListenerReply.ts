/** What the listener's JSON answer says, read for a person: the capture it made, and what went wrong if anything. */
export interface ReadListenerReply {
  /** The capture the listener made of the request (every request it reads is captured), when it says. */
  captureId: string | null
  /** Why it refused the request (`invalid_json`, `signature_rejected`, …), when it did. */
  error: { code: string; message: string } | null
  /** A note on a request it took (e.g. no integration listens at that path). */
  message: string | null
}

/**
 * Reads the listener's answer (`{"ok":false,"id":"17","error":{"code":…,"message":…}}`, `{"ok":true,"id":"12",
 * "status":"ok"}`); null when the body is not such an answer (another server answered), so the raw text is shown.
 */
export function readListenerReply(body: string): ReadListenerReply | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  if (!isRecord(parsed) || typeof parsed.ok !== 'boolean') return null
  const error =
    isRecord(parsed.error) && typeof parsed.error.message === 'string'
      ? { code: typeof parsed.error.code === 'string' ? parsed.error.code : '', message: parsed.error.message }
      : null
  return {
    captureId: typeof parsed.id === 'string' && /^\d+$/.test(parsed.id) ? parsed.id : null,
    error,
    message: typeof parsed.message === 'string' ? parsed.message : null
  }
}

/** The reason phrases of the statuses the listener answers with (RFC 9110 §15), for a readable "400 Bad Request". */
const reasonPhrases: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable'
}

/** `400 Bad Request`; the bare number for a status without a phrase here. */
export function httpStatusText(status: number): string {
  const phrase = reasonPhrases[status]
  return phrase ? `${status} ${phrase}` : String(status)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
