import type { PublishTarget } from '../../shared/model/publish'
import type { CapillaryClient } from '../capillary/client/CapillaryClient'

/**
 * One org to publish to: a connection profile (the studio, `capmap publish --profile`) or a base URL with
 * credentials (`capmap publish --base-url`). Publish state is kept under `target.key`.
 */
export interface PublishConnection {
  target: PublishTarget
  /** How the client signs its calls; a test post to a BASIC webhook needs the till's credentials (notes §5, §7). */
  scheme: 'basic' | 'oauth'
  /** The till the profile acts as, used to create a webhook when the project's webhook settings name none. */
  tillCode: string
  /** A new client; the caller closes it. */
  client(retry?: { maxAttempts?: number }): CapillaryClient
}
