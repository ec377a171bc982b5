import { createHash, createHmac, randomUUID } from 'node:crypto'
import type { NameValue } from '../../shared/model/capture'
import type { Verification } from '../../shared/model/listenerSettings'
import { StudioError } from '../errors/StudioError'
import { standardWebhooksKey } from '../listener/verifySignature'

export interface UnsignedRequest {
  query: NameValue[]
  headers: NameValue[]
  body: Uint8Array
}

export interface SignedRequest extends UnsignedRequest {
  /** What was signed and how, for the user. */
  note: string
}

/**
 * Signs a request as the integration's sender would, with the integration's local secret and a fresh timestamp:
 * the exact counterpart of main/listener/verifySignature.ts, scheme by scheme. Replaces any signature it carried.
 */
export function signForListener(
  verification: Verification,
  secret: string | undefined,
  request: UnsignedRequest,
  now: Date
): SignedRequest {
  if (verification.scheme === 'none') {
    return { ...request, note: 'Not signed: this integration checks no signature.' }
  }
  if (secret === undefined) {
    throw new StudioError(
      'invalid_input',
      'This integration has no signing secret in this studio: enter it in its Capture rules (Integrations) to re-sign.'
    )
  }
  switch (verification.scheme) {
    case 'webengage': {
      // Capillary notes §10: `secret` = MD5 hex of `licenseCode:key`, both as query parameters.
      const licenseCode = valueOf(request.query, 'licenseCode') ?? verification.licenseCode
      if (!licenseCode) {
        throw new StudioError(
          'invalid_input',
          'There is no licenseCode to sign with: set the integration’s license code in its Capture rules (Integrations).'
        )
      }
      const signature = createHash('md5').update(`${licenseCode}:${secret}`, 'utf8').digest('hex')
      const query = request.query.filter(([name]) => name !== 'licenseCode' && name !== 'secret')
      return {
        ...request,
        query: [...query, ['licenseCode', licenseCode], ['secret', signature]],
        note: `Re-signed as WebEngage does (licenseCode ${licenseCode}, secret = MD5).`
      }
    }
    case 'hmac-sha256': {
      const digest = createHmac('sha256', secret).update(request.body).digest(verification.encoding)
      return {
        ...request,
        headers: [
          ...without(request.headers, [verification.header]),
          [verification.header, `${verification.prefix}${digest}`]
        ],
        note: `Re-signed: HMAC-SHA256 of the body in ${verification.header}.`
      }
    }
    case 'standard-webhooks': {
      const id = valueOf(request.headers, 'webhook-id', true) ?? `msg_${randomUUID()}`
      const timestamp = String(Math.floor(now.getTime() / 1000))
      const signed = Buffer.concat([Buffer.from(`${id}.${timestamp}.`, 'utf8'), request.body])
      const signature = createHmac('sha256', standardWebhooksKey(secret)).update(signed).digest('base64')
      return {
        ...request,
        headers: [
          ...without(request.headers, ['webhook-id', 'webhook-timestamp', 'webhook-signature']),
          ['webhook-id', id],
          ['webhook-timestamp', timestamp],
          ['webhook-signature', `v1,${signature}`]
        ],
        note: `Re-signed (Standard Webhooks) with the timestamp ${timestamp}.`
      }
    }
  }
}

function valueOf(pairs: readonly NameValue[], name: string, caseInsensitive = false): string | undefined {
  const wanted = caseInsensitive ? name.toLowerCase() : name
  return pairs.find(([candidate]) => (caseInsensitive ? candidate.toLowerCase() : candidate) === wanted)?.[1]
}

function without(headers: readonly NameValue[], names: readonly string[]): NameValue[] {
  const dropped = new Set(names.map((name) => name.toLowerCase()))
  return headers.filter(([name]) => !dropped.has(name.toLowerCase()))
}
