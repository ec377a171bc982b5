import { useEffect } from 'react'
import { newCustomEventCommand, addStandardEventCommand } from '../features/events/useEventCommands'
import { newIntegrationCommand } from '../features/integrations/useIntegrationCommands'
import { sendTestPayloadCommand } from '../features/captures/useCaptureCommands'
import { newMappingCommand } from '../features/mapping/useMappingCommands'
import { runAllTestsCommand } from '../features/tests/useTestCommands'
import { dryRunCommand } from '../features/publish/usePublishCommands'
import type { CommandRegistry } from './commands'
import type { ScreenId } from './navigation'
import { useStudio } from './StudioContext'

interface Launcher {
  command: { id: string; title: string; category: string; shortcut?: string }
  screen: ScreenId
}

/** A screen's commands that make sense from anywhere: where a piece of work starts. */
const launchers: Launcher[] = [
  { command: newCustomEventCommand, screen: 'events' },
  { command: addStandardEventCommand, screen: 'events' },
  { command: newIntegrationCommand, screen: 'integrations' },
  { command: sendTestPayloadCommand, screen: 'captures' },
  { command: newMappingCommand, screen: 'mapping' },
  { command: runAllTestsCommand, screen: 'tests' },
  { command: dryRunCommand, screen: 'publish' }
]

/** How long a launched command waits for its screen to offer it (registered, and enabled once its data is in). */
const waitForScreenMs = 3_000

/**
 * Screens register their commands while shown; these are offered from every screen too, as VS Code's palette opens
 * the view a command belongs to: run from elsewhere, a launcher shows the screen, then runs the screen's own command
 * once it is there. A launcher is hidden while its screen shows its own.
 */
export function useScreenCommandLaunchers(): void {
  const { commands, navigation, project } = useStudio()
  useEffect(
    () =>
      commands.getState().register(
        launchers.map(({ command, screen }) => ({
          ...command,
          id: `launch.${command.id}`,
          enabled: () => project.getState().project !== null && !isRegistered(commands, command.id),
          run: () => {
            navigation.getState().open(screen)
            runOnceOffered(commands, command.id)
          }
        }))
      ),
    [commands, navigation, project]
  )
}

const isRegistered = (commands: CommandRegistry, id: string) =>
  commands.getState().commands.some((command) => command.id === id)

function runOnceOffered(commands: CommandRegistry, id: string): void {
  const started = performance.now()
  const attempt = () => {
    const command = commands.getState().commands.find((candidate) => candidate.id === id)
    if (command && command.enabled?.() !== false) return void commands.getState().run(id)
    if (performance.now() - started < waitForScreenMs) setTimeout(attempt, 50)
  }
  attempt()
}
