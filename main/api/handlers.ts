import type { ParsedInput, RequestName, RequestOutput } from '../../shared/api/contract'
import type { Studio } from '../services/createStudio'
import { createAppHandlers } from './app'
import { createBundleHandlers } from './bundles'
import { createCapillaryHandlers } from './capillary'
import { createCaptureHandlers } from './captures'
import { createEventHandlers } from './events'
import { createIntegrationHandlers } from './integrations'
import { createListenerHandlers } from './listener'
import { createMappingHandlers } from './mappings'
import { createProjectHandlers } from './projects'
import { createPublishHandlers } from './publish'
import { createRelayHandlers } from './relay'
import { createTestCaseHandlers } from './testCases'

export type Handler<K extends RequestName> = (input: ParsedInput<K>) => RequestOutput<K> | Promise<RequestOutput<K>>

/** One handler per request of the contract: leaving one out is a compile error. */
export type Handlers = { [K in RequestName]: Handler<K> }

export function createHandlers(studio: Studio): Handlers {
  return {
    ...createAppHandlers(studio),
    ...createProjectHandlers(studio),
    ...createEventHandlers(studio),
    ...createIntegrationHandlers(studio),
    ...createMappingHandlers(studio),
    ...createListenerHandlers(studio),
    ...createCaptureHandlers(studio),
    ...createCapillaryHandlers(studio),
    ...createRelayHandlers(studio),
    ...createTestCaseHandlers(studio),
    ...createBundleHandlers(studio),
    ...createPublishHandlers(studio)
  }
}
