import { z } from 'zod'
import type { EngineDiagnostic } from '../engine/diagnostics'
import type { InferredSchema } from '../engine/inferSchema'
import type { CapillaryPayload } from '../engine/mappingResult'
import type { CaptureDetail } from './capture'
import type { Verification } from './listenerSettings'
import { Id } from './ids'

/** At most this many bytes of text may be edited and sent again (the listener's own default limit). */
export const maxEditedBodyChars = 5 * 1024 * 1024

/** A body typed or edited by the user, sent instead of the stored one: the stored capture never changes. */
export const EditedBody = z.string().max(maxEditedBodyChars, 'Keep the body under 5 MB.')

/** What deleting captures answers: how many, and the id that puts them back (null when none were deleted). */
export interface CaptureDeletion {
  deleted: number
  undoId: string | null
}

/** One mapping of the capture's integration, run on its decoded body. */
export interface MappingReplay {
  mappingId: string
  eventId: string
  eventName: string
  /** The mapping applies to this payload (its match held). */
  matched: boolean
  valid: boolean
  outputs: { payload: CapillaryPayload; valid: boolean }[]
  diagnostics: EngineDiagnostic[]
}

/** A capture replayed through its integration's mappings, exactly as the relay would run them. */
export interface CaptureReplay {
  captureId: string
  integration: { id: string; name: string } | null
  /** The body could not be decoded as its content type says: no mapping ran. */
  decodeError: string | null
  mappings: MappingReplay[]
  /** Why nothing ran, in words a user can act on (no integration, no mapping, capture-only integration). */
  message: string | null
}

/** How a capture is sent again: its stored headers and bytes, or re-signed with the integration's local secret. */
export const ResendMode = z.enum(['original', 'resigned'])
export type ResendMode = z.infer<typeof ResendMode>

/** What the listener answered to a request the studio sent it. */
export interface ListenerReply {
  status: number
  /** The answer's body as text (the listener answers JSON). */
  body: string
  /** Where it was sent. */
  url: string
  /** What was done to the request before sending, e.g. "Re-signed (hmac-sha256, X-Signature)". */
  note: string | null
}

/** A payload to try with: shipped with the studio, or saved by the user from a capture (kept in the project). */
export interface PayloadSample {
  id: string
  name: string
  origin: 'shipped' | 'saved'
  contentType: string
  body: string
  /** The integration it was saved from (saved samples); null for shipped ones. */
  integrationId: string | null
  createdAt: string | null
}

export const SampleName = z.string().trim().min(1, 'Name the sample.').max(120)

/** Fields or types that one capture brought which no earlier capture of its integration had. */
export interface ShapeDrift {
  captureId: string
  receivedAt: string
  /** Each new path with the type it arrived as, e.g. `customer.tier` (string). */
  changes: { path: string; type: string; kind: 'new_field' | 'new_type' }[]
}

/** The inferred shape of an integration's captures (the newest ones, oldest first), with where it drifted. */
export interface CaptureShape {
  integrationId: string
  /** How many captures were read (the newest, at most `shapeSampleLimit`). */
  captureCount: number
  schema: Omit<InferredSchema, 'fields'> & { fields: Omit<InferredSchema['fields'][number], 'segments'>[] }
  /** Newest first. */
  drift: ShapeDrift[]
}

export const shapeSampleLimit = 500

/** Captures per minute over the last minutes, oldest first, for the status bar's sparkline. */
export interface CaptureRate {
  /** ISO minute of the first bucket. */
  from: string
  perMinute: number[]
}

/** The public address a tunnel (ngrok, cloudflared) gives the listener, kept in the project. */
export const PublicUrl = z
  .string()
  .trim()
  .max(500)
  .refine(
    // Printable ASCII only, as tunnels print it: no control or direction characters slipped into an address.
    (value) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(value) && /^[\x21-\x7e]+$/.test(value),
    'Give the https://… address the tunnel printed.'
  )

export const SendTestPayloadInput = z
  .object({
    integrationId: Id,
    /** Sent as the Content-Type header: printable ASCII only, as HTTP allows. */
    contentType: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .regex(/^[\x20-\x7e]+$/, 'Give a content type such as application/json, in printable ASCII on one line.'),
    body: EditedBody,
    /** Sign it with the integration's local secret, as its sender would. */
    signed: z.boolean().default(true)
  })
  .strict()

/** The most of a body the inbox sends to an editor at once: beyond it Monaco slows; the full body stays in main. */
export const displayLimitChars = 1_000_000

/** One view of a body, cut to `displayLimitChars`: cut when `text` is shorter than `totalChars`. */
export interface BodyExcerpt {
  text: string
  language: 'json' | 'plaintext'
  totalChars: number
}

/**
 * A capture as the inbox shows it: everything kept of it but the body, whose two views are cut to what an editor
 * shows, so a 5 MB body costs its reader a megabyte (the full body: `getCapture`).
 */
export interface CaptureView extends Omit<CaptureDetail, 'bodyBase64' | 'bodyText' | 'contentText' | 'parsed'> {
  hasBody: boolean
  /** The body is valid UTF-8 text. */
  isText: boolean
  /** The decoded view: pretty JSON (JSON, and forms and XML as the engine reads them), else the text. */
  decoded: BodyExcerpt
  /** The bytes as received: their text, or a hex dump when they are not UTF-8. */
  raw: BodyExcerpt
  /**
   * How a signed re-send signs it: its integration's verification as set now ('none': it checks no signature);
   * null when no integration received it, or that integration no longer exists.
   */
  signedAs: Verification['scheme'] | null
}

/** How much of each body's text the inbox's search reads: enough for any real payload, bounded for huge ones. */
export const searchedCharsPerBody = 1024 * 1024
