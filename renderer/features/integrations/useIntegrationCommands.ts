import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'
import { undoRedoCommands } from '../../app/undoRedoCommands'
import { newIntegrationDraft } from './newIntegrationDraft'

/** Also offered from every screen (useScreenCommandLaunchers): it shows this screen and runs there. */
export const newIntegrationCommand = { id: 'integrations.new', title: 'New Integration', category: 'Integrations' }

/** The Integrations screen's palette actions (registered while the screen is shown). */
export function useIntegrationCommands(): void {
  const { commands, integrations, project } = useStudio()
  useEffect(() => {
    const writable = () => project.getState().project?.readOnly === false
    return commands.getState().register([
      {
        ...newIntegrationCommand,
        enabled: writable,
        run: async () => {
          await integrations.getState().create(newIntegrationDraft(integrations.getState().integrations))
        }
      },
      {
        id: 'integrations.webhooks',
        title: 'Show Capillary Webhook Settings',
        category: 'Integrations',
        enabled: () => project.getState().project !== null,
        run: () => integrations.getState().showWebhooks()
      },
      ...undoRedoCommands(integrations)
    ])
  }, [commands, integrations, project])
}
