import { z } from 'zod'
import { Id, IsoTime } from './ids'

/**
 * What became of a request at the listener: the first that applies, checked in this order (issue 5): `oversize`
 * (413), `rejected` (signature, 401), `invalid` (declared JSON that is not, 400), then `unmatched` (no integration
 * at that path, 200) or `ok` (200).
 */
export const CaptureStatus = z.enum(['ok', 'invalid', 'rejected', 'unmatched', 'oversize'])
export type CaptureStatus = z.infer<typeof CaptureStatus>

/** How a request's sender proved it holds the integration's signing secret. */
export const SignatureScheme = z.enum(['none', 'webengage', 'hmac-sha256', 'standard-webhooks'])
export type SignatureScheme = z.infer<typeof SignatureScheme>

/** The signature check's verdict, taken on the bytes as received (before masking and redaction) and kept. */
export interface SignatureVerdict {
  scheme: SignatureScheme
  /** `not_checked`: the integration asks for no check, or no integration listens at that path. */
  outcome: 'not_checked' | 'verified' | 'failed'
  reason?: string
}

/** How the body was read: by the engine's decoders, or `none` when it was not kept (over the body limit). */
export type BodyKind = 'json' | 'form' | 'xml' | 'text' | 'empty' | 'none'

/** A name and a value, in the order received; credential-bearing values are stored masked. */
export type NameValue = [name: string, value: string]

/** One captured request as lists show it (no body). */
export interface CaptureSummary {
  id: string
  receivedAt: string
  /** The integration whose path received it, or null (unmatched, or the integration was deleted since). */
  integrationId: string | null
  /** The integration's slug when it arrived; null when no integration listened at that path. */
  integration: string | null
  /** The source event name, read from the integration's event name field when the body holds one. */
  sourceEvent: string | null
  method: string
  path: string
  contentType: string | null
  /** Bytes of the body as received (for an oversize request: at least this many). */
  size: number
  status: CaptureStatus
  /** Why it is not `ok`, in words a user can act on. */
  statusReason: string | null
  /** The HTTP status the sender got. */
  responseStatus: number
  verdict: SignatureVerdict['outcome']
  /** The stored body is the redacted one: it can no longer be replayed byte for byte. */
  redacted: boolean
}

/** One capture with everything kept of it. */
export interface CaptureDetail extends CaptureSummary {
  query: NameValue[]
  headers: NameValue[]
  remoteAddress: string
  verification: SignatureVerdict
  bodyKind: BodyKind
  /** The stored bytes, base64 (null when none were kept). */
  bodyBase64: string | null
  /** The stored bytes as text when they are valid UTF-8, else null: the raw view, byte for byte. */
  bodyText: string | null
  /**
   * The body's content as text: the stored bytes with their content coding removed (gzip, deflate, br), read in
   * their declared charset; null when they are not text. What a person or a mapping reads.
   */
  contentText: string | null
  /** The parsed view from the engine's decoders (JSON, form, XML, text). */
  parsed: unknown
  /** The body's decoding problem, such as invalid JSON, or null. */
  decodeError: string | null
  /**
   * What the decoders noted while reading it (bytes not valid in its charset replaced, integers beyond 2^53 kept as
   * exact strings): a sender's mistake a developer wants named. At most a few, the last saying how many more.
   */
  decodeWarnings: string[]
  /** Whether the original bytes are kept, so the request can be replayed exactly as it came. */
  replayable: boolean
}

export interface CapturePage {
  items: CaptureSummary[]
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null
}

/** Newest first, by keyset: `cursor` is the `nextCursor` of the previous page. */
export const CaptureQuery = z
  .object({
    limit: z.number().int().min(1).max(500).default(100),
    cursor: z
      .string()
      .regex(/^\d{1,19}$/, 'Pass back the nextCursor of the previous page.')
      .optional(),
    /** Full-text search over bodies, paths and queries: every word must start a word there (one character: be one). */
    search: z.string().max(500).optional(),
    /** One integration's captures; null for the unmatched ones. */
    integrationId: Id.nullable().optional(),
    statuses: z.array(CaptureStatus).max(5).optional(),
    sourceEvent: z.string().max(200).optional(),
    from: IsoTime.optional(),
    to: IsoTime.optional()
  })
  .strict()
export type CaptureQuery = z.input<typeof CaptureQuery>

/** Which captures to delete: by id, or every capture (of one integration, or the unmatched ones when null). */
export const CaptureSelection = z.union([
  z.object({ ids: z.array(Id).min(1).max(10_000) }).strict(),
  z.object({ all: z.literal(true), integrationId: Id.nullable().optional() }).strict()
])
export type CaptureSelection = z.infer<typeof CaptureSelection>
