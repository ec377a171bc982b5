import { z } from 'zod'
import { Id, IsoTime } from './ids'

/** Capillary's clusters (notes §8), or a base URL of the user's own (another host, a proxy, the local sandbox). */
export const ClusterId = z.enum(['india', 'apac2', 'eu', 'us', 'china', 'custom'])
export type ClusterId = z.infer<typeof ClusterId>

/** Basic: till code and password (sent as base64(till:md5(password))); OAuth: key and secret for a token (notes §8). */
export const AuthScheme = z.enum(['basic', 'oauth'])
export type AuthScheme = z.infer<typeof AuthScheme>

/**
 * How the studio reaches one Capillary org. It never holds a secret: the till's password and the OAuth secret live
 * in the secret store (or the environment), so a profile can be kept in the config folder and shown anywhere.
 */
export const ConnectionProfileDraft = z
  .object({
    name: z.string().trim().max(100),
    cluster: ClusterId,
    /** Only for the custom cluster: `https://host[:port][/prefix]`. */
    customBaseUrl: z.string().trim().max(500).default(''),
    orgId: z.string().trim().max(20),
    auth: AuthScheme,
    /** Basic auth: the till (store user) the calls act as. */
    tillCode: z.string().trim().max(100).default(''),
    /** OAuth: the client key; empty means "from CAPMAP_OAUTH_KEY". */
    oauthKey: z.string().trim().max(200).default(''),
    /** An HTTP proxy for networks that need one: `http://host:port`, without credentials. */
    proxyUrl: z.string().trim().max(500).default(''),
    /** A PEM file of extra CA certificates, for networks that inspect TLS. */
    caCertificatesFile: z.string().trim().max(4096).default(''),
    timeoutSeconds: z.number().int().min(1).max(300).default(30)
  })
  .strict()
export type ConnectionProfileDraft = z.infer<typeof ConnectionProfileDraft>

export const ConnectionProfile = ConnectionProfileDraft.extend({ id: Id, createdAt: IsoTime, updatedAt: IsoTime })
export type ConnectionProfile = z.infer<typeof ConnectionProfile>

/**
 * Where the profile's secret (password or OAuth secret) comes from: kept encrypted by the app, held in memory for
 * this session only, read from the environment, or nowhere yet.
 */
export type SecretAvailability = 'stored' | 'session' | 'environment' | 'missing'

export type ConnectionProfileView = ConnectionProfile & { secret: SecretAvailability }

/** The plain answer of "Test connection": one short sentence, what happened and what to do, and the steps taken. */
export interface ConnectionVerdict {
  ok: boolean
  /** "Connected to org 1000 on EU as till store123.till: 4 events, 1 published." or "Not connected: wrong password." */
  summary: string
  /** For a failure, what happened and what to do; empty when connected. */
  detail: string
  steps: { label: string; ok: boolean; detail: string }[]
  checkedAt: string
}

/** The studio's own local sandbox (a Capillary stand-in inside the studio's process). */
export interface LocalSandboxState {
  running: boolean
  baseUrl: string | null
  /** The connection profile that points at it, once created. */
  profileId: string | null
  /** Offer to start it: first start with the sample project, no profile yet, not dismissed. */
  offer: boolean
}

export type ConnectionProfileField = keyof ConnectionProfileDraft

const baseUrlPattern = /^https?:\/\/[^\s/?#@]+(?::\d{1,5})?(?:\/[^\s?#]*)?$/i
const proxyPattern = /^https?:\/\/[^\s/?#]+(?::\d{1,5})?\/?$/i

/** What keeps a draft from being saved, per field, in words the form shows next to the field. */
export function connectionProfileProblems(
  draft: ConnectionProfileDraft,
  otherNames: readonly string[]
): Partial<Record<ConnectionProfileField, string>> {
  const problems: Partial<Record<ConnectionProfileField, string>> = {}
  const name = draft.name.trim()
  if (name === '') problems.name = 'Give the profile a name, for example "Brand EU test org".'
  else if (otherNames.some((other) => other.trim().toLowerCase() === name.toLowerCase()))
    problems.name = `Another profile is already named "${name}". Pick another name.`
  if (draft.cluster === 'custom') {
    if (draft.customBaseUrl.trim() === '')
      problems.customBaseUrl = 'Give the base URL, for example https://eu.api.capillarytech.com.'
    else if (!baseUrlPattern.test(draft.customBaseUrl.trim()))
      problems.customBaseUrl =
        'Use a URL such as https://host or http://127.0.0.1:4870, without a query or credentials.'
  }
  // Notes §8: JWT claims carry `org_id`, a number; the sources API takes it in the path (/v2/org/{orgId}/sources).
  if (!/^\d{1,12}$/.test(draft.orgId.trim()))
    problems.orgId = 'The org id is a number, as InTouch shows it (e.g. 100737).'
  if (draft.auth === 'basic' && draft.tillCode.trim() === '')
    problems.tillCode = 'Basic auth needs the till code the calls act as (e.g. store123.till).'
  const proxy = draft.proxyUrl.trim()
  if (proxy !== '') {
    if (proxy.includes('@'))
      problems.proxyUrl = 'Proxy credentials are not kept in a profile: use a proxy without them.'
    else if (!proxyPattern.test(proxy)) problems.proxyUrl = 'Use the proxy as http://host:port.'
  }
  return problems
}
