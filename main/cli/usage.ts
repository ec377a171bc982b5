/** A mistake in how the command was called: exit code 2, with the usage. */
export class UsageError extends Error {}

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const

export function usageText(commandUsages: readonly string[]): string {
  return `Usage: capmap <command> [options]

Commands:
${commandUsages.join('\n')}

Options:
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 success, 1 the work failed, 2 bad usage.
Environment: CAPMAP_CONFIG_DIR overrides the config folder (recent projects, backups, logs).`
}
