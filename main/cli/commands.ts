import type { CliCommand } from './CliCommand'
import { capturesCommand } from './commands/captures'
import { listenCommand } from './commands/listen'
import { newProjectCommand } from './commands/newProject'
import { relayCommand } from './relay'
import { sandboxCommand } from './commands/sandbox'
import { testCommand } from './commands/test'
import { exportCommand } from './commands/export'
import { importCommand } from './commands/import'
import { validateCommand } from './commands/validate'
import { diffCommand } from './commands/diff'
import { transformCommand } from './commands/transform'
import { webCommand } from './commands/web'
import { publishCommand } from './commands/publish'
import { pullCommand } from './commands/pull'

/** Every `capmap` command, in the order `--help` lists them. A new command is one file and one line here. */
export const cliCommands: readonly CliCommand[] = [
  newProjectCommand,
  webCommand,
  listenCommand,
  relayCommand,
  capturesCommand,
  sandboxCommand,
  transformCommand,
  testCommand,
  exportCommand,
  importCommand,
  validateCommand,
  diffCommand,
  publishCommand,
  pullCommand
]
