import { z } from 'zod'
import orderWithItems from '../../resources/samples/custom-app-order-with-items.json'
import beReserved from '../../resources/samples/custom-be-reserved.json'
import addedToCart from '../../resources/samples/webengage-added-to-cart-flat.json'
import promotionViewed from '../../resources/samples/webengage-promotion-viewed-nested.json'
import type { OpenedProject } from '../services/ProjectSession'
import { buildCapture } from './buildCapture'
import { hooksPrefix, IntegrationRoutes } from './IntegrationRoutes'

/** The payloads shipped with the sample (copies of the team's fixtures in resources/samples), by file name. */
export const samplePayloads: Record<string, unknown> = {
  'custom-app-order-with-items.json': orderWithItems,
  'custom-be-reserved.json': beReserved,
  'webengage-added-to-cart-flat.json': addedToCart,
  'webengage-promotion-viewed-nested.json': promotionViewed
}

/** A request the sample project shows as already captured, as `resources/sample-project.json` describes it. */
export const SampleCapture = z.object({
  /** The slug of the integration it was sent to (its path is `/hooks/<slug>`). */
  integration: z.string(),
  /** A file of resources/samples. */
  payload: z.string().refine((name) => Object.hasOwn(samplePayloads, name), 'Name a file of resources/samples.'),
  method: z.string().default('POST'),
  query: z.array(z.tuple([z.string(), z.string()])).default([]),
  headers: z.array(z.tuple([z.string(), z.string()])).default([]),
  /** How long before the project was made it arrived. */
  minutesAgo: z.number().min(0).default(0)
})
export type SampleCapture = z.infer<typeof SampleCapture>

/**
 * Captures the sample's requests as the listener would have (same decoding, masking and statuses), so a newcomer
 * sees real captured payloads for each integration before sending anything.
 */
export function seedSampleCaptures(project: OpenedProject, captures: readonly SampleCapture[], now: Date): void {
  const routes = new IntegrationRoutes(project.db)
  const encoder = new TextEncoder()
  const ordered = [...captures].sort((a, b) => b.minutesAgo - a.minutesAgo)
  project.captures.insert(
    ordered.map((sample) => {
      const body = encoder.encode(`${JSON.stringify(samplePayloads[sample.payload], null, 2)}\n`)
      const search = new URLSearchParams(sample.query).toString()
      const headers = [...sample.headers, ['Content-Length', String(body.length)]].flat()
      return buildCapture(
        {
          method: sample.method,
          url: `${hooksPrefix}${sample.integration}${search ? `?${search}` : ''}`,
          rawHeaders: headers,
          remoteAddress: '127.0.0.1',
          receivedAt: new Date(now.getTime() - sample.minutesAgo * 60_000),
          body,
          size: body.length
        },
        {
          routeFor: (pathname) => routes.routeFor(pathname),
          secretFor: () => ({ secret: undefined }),
          bodyLimitBytes: Number.MAX_SAFE_INTEGER
        }
      ).capture
    })
  )
  project.captures.indexPending()
}
