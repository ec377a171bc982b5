import type { CliCommand } from './CliCommand'
import { newProjectCommand } from './commands/newProject'
import { webCommand } from './commands/web'

/** Every `capmap` command, in the order `--help` lists them. A new command is one file and one line here. */
export const cliCommands: readonly CliCommand[] = [newProjectCommand, webCommand]
