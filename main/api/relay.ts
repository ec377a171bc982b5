import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

export const createRelayHandlers = (
  studio: Studio
): Pick<
  Handlers,
  | 'listRelaySettings'
  | 'setRelaySettings'
  | 'listDeliveries'
  | 'getRelayOverview'
  | 'retryDeliveries'
  | 'replayDeliveries'
> => ({
  listRelaySettings: () => studio.relay.listSettings(),
  setRelaySettings: (patch) => studio.relay.setSettings(patch),
  listDeliveries: (query) => studio.relay.listDeliveries(query),
  getRelayOverview: () => studio.relay.overview(),
  retryDeliveries: (selection) => studio.relay.retry(selection),
  replayDeliveries: (selection) => studio.relay.replay(selection)
})
