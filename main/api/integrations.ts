import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

type IntegrationHandlers = Pick<
  Handlers,
  | 'listIntegrations'
  | 'createIntegration'
  | 'updateIntegration'
  | 'deleteIntegration'
  | 'listWebhookSettings'
  | 'saveWebhookSettings'
>

export const createIntegrationHandlers = (studio: Studio): IntegrationHandlers => ({
  listIntegrations: () => studio.integrations.list(),
  createIntegration: ({ draft }) => studio.integrations.create(draft),
  updateIntegration: ({ id, draft }) => studio.integrations.update(id, draft),
  deleteIntegration: ({ id }) => studio.integrations.delete(id),
  listWebhookSettings: () => studio.integrations.listWebhookSettings(),
  saveWebhookSettings: ({ settings }) => studio.integrations.saveWebhookSettings(settings)
})
