/** A mistake in how the command was called: exit code 2, with the usage. */
export class UsageError extends Error {}

export const exitCodes = { ok: 0, failure: 1, usage: 2 } as const

export const usage = `Usage: capmap <command> [options]

Commands:
  new <file> [--sample]      Create a project file (*.capmap); --sample fills it with the sample project
  web [options]              Serve the studio to your browser on 127.0.0.1 (web mode)
      --port <n>             First port to try (default 4817; the next free one is taken if busy)
      --no-open              Do not open the browser, just print the URL
      --project <file>       Open this project (created if missing) instead of the most recent one

Options:
  -h, --help                 Show this help
  -v, --version              Show the version

Exit codes: 0 success, 1 the work failed, 2 bad usage.
Environment: CAPMAP_CONFIG_DIR overrides the config folder (recent projects, backups, logs).`
