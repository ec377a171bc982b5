import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

type CapillaryHandlers = Pick<
  Handlers,
  | 'listConnectionProfiles'
  | 'saveConnectionProfile'
  | 'deleteConnectionProfile'
  | 'testConnectionProfile'
  | 'getLocalSandbox'
  | 'startLocalSandbox'
  | 'stopLocalSandbox'
  | 'dismissSandboxOffer'
>

export const createCapillaryHandlers = ({ capillary }: Studio): CapillaryHandlers => ({
  listConnectionProfiles: () => capillary.profiles.list(),
  saveConnectionProfile: ({ id, draft, secret }) => capillary.profiles.save(id, draft, secret),
  deleteConnectionProfile: ({ id }) => capillary.profiles.delete(id),
  testConnectionProfile: ({ id }) => capillary.profiles.test(id),
  getLocalSandbox: () => capillary.localSandbox.state(),
  startLocalSandbox: () => capillary.localSandbox.start(),
  stopLocalSandbox: () => capillary.localSandbox.stop(),
  dismissSandboxOffer: () => capillary.localSandbox.dismissOffer()
})
