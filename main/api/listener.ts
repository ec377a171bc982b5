import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

type ListenerHandlers = Pick<
  Handlers,
  | 'getListenerStatus'
  | 'startListener'
  | 'stopListener'
  | 'getListenerSettings'
  | 'setListenerSettings'
  | 'setIntegrationCaptureSettings'
  | 'setSigningSecret'
  | 'setRetention'
>

export const createListenerHandlers = (studio: Studio): ListenerHandlers => ({
  getListenerStatus: () => studio.listener.status(),
  startListener: () => studio.listener.start(),
  stopListener: () => studio.listener.stop(),
  getListenerSettings: () => studio.listener.settings(),
  setListenerSettings: (patch) => studio.listener.updateSettings(patch),
  setIntegrationCaptureSettings: ({ integrationId, ...patch }) =>
    studio.listener.setIntegrationRules(integrationId, patch),
  setSigningSecret: ({ integrationId, secret }) => studio.listener.setSigningSecret(integrationId, secret),
  setRetention: ({ integrationId, retention }) => studio.listener.setRetention(integrationId, retention)
})
