import { useStudioStore } from '../../app/StudioContext'
import { IntegrationEditor } from './IntegrationEditor'
import { IntegrationList } from './IntegrationList'
import { useIntegrationCommands } from './useIntegrationCommands'
import { WebhooksPanel } from './WebhooksPanel'

/** The Integrations screen: where events come from (list and editor), and the project's Capillary webhooks. */
export function IntegrationsScreen() {
  useIntegrationCommands()
  const panel = useStudioStore(
    (s) => s.integrations,
    (state) => state.panel
  )
  return (
    <div className="screen">
      <IntegrationList />
      {panel === 'webhooks' ? <WebhooksPanel /> : <IntegrationEditor />}
    </div>
  )
}
