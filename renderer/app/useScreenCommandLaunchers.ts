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
  /** Offered only while the project can be edited: the command changes it. */
  edits: boolean
}

/** A screen's commands that make sense from anywhere: where a piece of work starts. */
const launchers: Launcher[] = [
  { command: newCustomEventCommand, screen: 'events', edits: true },
  { command: addStandardEventCommand, screen: 'events', edits: true },
  { command: newIntegrationCommand, screen: 'integrations', edits: true },
  { command: sendTestPayloadCommand, screen: 'captures', edits: false },
  { command: newMappingCommand, screen: 'mapping', edits: true },
  { command: runAllTestsCommand, screen: 'tests', edits: false },
  { command: dryRunCommand, screen: 'publish', edits: false }
]

/** How long a launched command waits for its screen to offer it (registered, and enabled once its data is in). */
const waitForScreenMs = 3_000

/**
 * Screens register their commands while shown; these are offered from every screen too, as VS Code's palette opens
 * the view a command belongs to: run from elsewhere, a launcher shows the screen, then runs the screen's own command
 * once it is there. A launcher is hidden while its screen shows its own.
 */
export function useScreenCommandLaunchers(): void {
  const { commands, navigation, notifications, project } = useStudio()
  useEffect(() => {
    const projectAllows = (edits: boolean) => {
      const current = project.getState().project
      return current !== null && (!edits || !current.readOnly)
    }
    return commands.getState().register(
      launchers.map(({ command, screen, edits }) => ({
        ...command,
        id: `launch.${command.id}`,
        enabled: () => projectAllows(edits) && !isRegistered(commands, command.id),
        run: () => {
          navigation.getState().open(screen)
          runOnceOffered(commands, command.id, () =>
            notifications.getState().notify('info', `${command.title} cannot run now: its screen shows why.`)
          )
        }
      }))
    )
  }, [commands, navigation, notifications, project])
}

const isRegistered = (commands: CommandRegistry, id: string) =>
  commands.getState().commands.some((command) => command.id === id)

function runOnceOffered(commands: CommandRegistry, id: string, cannotRun: () => void): void {
  const started = performance.now()
  const attempt = () => {
    const command = commands.getState().commands.find((candidate) => candidate.id === id)
    if (command && command.enabled?.() !== false) return void commands.getState().run(id)
    if (performance.now() - started < waitForScreenMs) return void setTimeout(attempt, 50)
    cannotRun()
  }
  attempt()
}
