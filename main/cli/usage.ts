/** A mistake in how the command was called: exit code 2, with the usage. */
export class UsageError extends Error {}

/** 141 when the reader of the output went away: the status a shell reports for a process ended by SIGPIPE. */
export const exitCodes = { ok: 0, failure: 1, usage: 2, interrupted: 130, readerGone: 141 } as const

const exitCodesLine = 'Exit codes: 0 success, 1 the work failed, 2 bad usage, 141 the reader of its output went away.'

/** One command's help: its usage lines and the exit codes. */
export function commandHelp(commandUsage: string): string {
  return `Usage:\n${commandUsage}\n\n${exitCodesLine}`
}

export function usageText(commandUsages: readonly string[]): string {
  return `Usage: capmap <command> [options]

Commands:
${commandUsages.join('\n')}

Options:
  -h, --help                 Show this help
  -v, --version              Show the version

${exitCodesLine}
Environment: CAPMAP_CONFIG_DIR overrides the config folder (recent projects, backups, logs).`
}
