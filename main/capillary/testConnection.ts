import { capillaryClusters } from '../../shared/capillary/clusters'
import type { ConnectionProfile, ConnectionVerdict } from '../../shared/model/connectionProfile'
import { CapillaryError } from './client/CapillaryError'
import type { CapillaryClient } from './client/CapillaryClient'

type Step = ConnectionVerdict['steps'][number]

/** The short verdict of a failure, by what went wrong; the error's own message says the rest. */
function plainly(error: unknown, profile: ConnectionProfile): string {
  if (!(error instanceof CapillaryError)) return 'Not connected.'
  switch (error.kind) {
    case 'authentication':
      return profile.auth === 'basic'
        ? 'Not connected: wrong till code or password.'
        : 'Not connected: wrong OAuth key or secret.'
    case 'permission':
      return 'Not connected: these credentials may not read the org’s events.'
    case 'network':
    case 'timeout':
    case 'certificate':
    case 'proxy':
      return 'Not connected: Capillary could not be reached.'
    case 'not_found':
      return 'Not connected: this base URL is not Capillary’s API.'
    case 'rate_limited':
      return 'Not connected: Capillary’s rate limit was reached.'
    case 'server':
      return 'Not connected: Capillary is failing right now.'
    default:
      return 'Not connected.'
  }
}

const messageOf = (error: unknown): string =>
  error instanceof CapillaryError ? error.message : `Something went wrong: ${(error as Error).message}`

/**
 * Signs in and reads the org's events (`GET /v2/events`: the access the studio needs), then checks the org id
 * against the sources API (`/v2/org/{orgId}/sources`, error 1064 for another org). The verdict is one plain sentence,
 * with what happened and what to do beside it.
 */
export async function testConnection(
  client: CapillaryClient,
  profile: ConnectionProfile,
  checkedAt: string
): Promise<ConnectionVerdict> {
  const steps: Step[] = []
  const where =
    profile.cluster === 'custom'
      ? profile.customBaseUrl
      : (capillaryClusters.find((cluster) => cluster.id === profile.cluster)?.label ?? profile.cluster)
  const who = profile.auth === 'basic' ? `till ${profile.tillCode}` : 'the OAuth client'
  let eventCount: number
  let published: number
  try {
    const events = await client.listEvents()
    eventCount = events.length
    published = events.filter((event) => event.status === 'PUBLISHED').length
    steps.push({ label: 'Sign in and read events', ok: true, detail: `${eventCount} events, ${published} published.` })
  } catch (error) {
    const detail = messageOf(error)
    steps.push({ label: 'Sign in and read events', ok: false, detail })
    return { ok: false, summary: plainly(error, profile), detail, steps, checkedAt }
  }
  try {
    await client.listSources(profile.orgId)
    steps.push({ label: `Org ${profile.orgId}`, ok: true, detail: 'The credentials belong to this org.' })
  } catch (error) {
    const detail = messageOf(error)
    steps.push({ label: `Org ${profile.orgId}`, ok: false, detail })
    // Notes §9: 1064 is an invalid org; any other 403 is access denied (or V2 not enabled), said as such below.
    if (error instanceof CapillaryError && error.code === 1064) {
      return {
        ok: false,
        summary: `Not connected: org ${profile.orgId} does not match these credentials.`,
        detail: `Signed in to ${where} as ${who}, but the credentials belong to another org. Check the org id.`,
        steps,
        checkedAt
      }
    }
    const summary =
      error instanceof CapillaryError && error.kind === 'permission'
        ? `Not connected: these credentials may not read org ${profile.orgId}.`
        : plainly(error, profile)
    return { ok: false, summary, detail, steps, checkedAt }
  }
  const events = eventCount === 1 ? '1 event' : `${eventCount} events`
  return {
    ok: true,
    summary: `Connected to org ${profile.orgId} on ${where} as ${who}: ${events}, ${published} published.`,
    detail: '',
    steps,
    checkedAt
  }
}
