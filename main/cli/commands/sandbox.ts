import { parseArgs } from 'node:util'
import { localSandboxPort } from '../../capillary/LocalSandbox'
import type { SandboxFaults } from '../../capillary/sandbox/SandboxFaults'
import { defaultSandboxOrgId, startSandbox, type SandboxCredentials } from '../../capillary/sandbox/startSandbox'
import { asBindFailure } from '../asBindFailure'
import type { CliCommand } from '../CliCommand'
import { UsageError } from '../usage'
import { portOption, wholeNumberOption } from '../wholeNumberOption'
import { untilInterrupted } from '../untilInterrupted'

/** `--basic till:password` or `--oauth key:secret`: split at the first colon (passwords may hold colons). */
function pairs(values: string[] | undefined, flag: string, names: [string, string]): [string, string][] {
  return (values ?? []).map((value) => {
    const at = value.indexOf(':')
    if (at <= 0 || at === value.length - 1)
      throw new UsageError(`--${flag} takes ${names[0]}:${names[1]} (got ${value})`)
    return [value.slice(0, at), value.slice(at + 1)]
  })
}

function number(
  value: string | undefined,
  flag: string,
  check: (n: number) => boolean,
  what: string
): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (value.trim() === '' || !check(parsed)) throw new UsageError(`--${flag} must be ${what} (got ${value})`)
  return parsed
}

function describeFaults(faults: SandboxFaults): string {
  const parts = [
    faults.failRate > 0 ? `500/503 on ${Math.round(faults.failRate * 100)}% of calls` : '',
    faults.dropRate > 0 ? `${Math.round(faults.dropRate * 100)}% of connections dropped` : '',
    faults.latencyMs > 0 ? `${faults.latencyMs} ms latency` : '',
    faults.rateLimitPerMinute > 0 ? `rate limit ${faults.rateLimitPerMinute} calls a minute per key` : ''
  ].filter((part) => part !== '')
  return parts.length > 0 ? parts.join(', ') : 'none (change them with POST /sandbox/faults)'
}

/** `capmap sandbox`: a local Capillary on 127.0.0.1 for offline rehearsal and tests, until interrupted. */
export const sandboxCommand: CliCommand = {
  name: 'sandbox',
  usage: `  sandbox [options]          Run a local Capillary sandbox on 127.0.0.1 (offline rehearsal, tests)
      --port <n>             Port (default ${localSandboxPort}; 0 picks a free one)
      --basic <till:pass>    Accept this till and password (repeatable; default sandbox.till:sandbox)
      --oauth <key:secret>   Accept this OAuth client (repeatable; default sandbox:sandbox)
      --org-id <n>           The org id (default ${defaultSandboxOrgId})
      --fail-rate <r>        Answer 500/503 to this share of calls (0 to 1)
      --drop-rate <r>        Drop this share of connections without an answer (0 to 1)
      --latency <ms>         Wait this long before every answer
      --rate-limit <n>       Answer 429 beyond n calls a minute per key (off unless given)`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        basic: { type: 'string', multiple: true },
        oauth: { type: 'string', multiple: true },
        'org-id': { type: 'string' },
        'fail-rate': { type: 'string' },
        'drop-rate': { type: 'string' },
        latency: { type: 'string' },
        'rate-limit': { type: 'string' }
      }
    })
    if (positionals.length > 0) throw new UsageError(`capmap sandbox takes no arguments (got ${positionals.join(' ')})`)
    const port = portOption(values.port)
    const ratio = (n: number) => n >= 0 && n <= 1
    const orgId = wholeNumberOption(values['org-id'], 'org-id', 1, Number.MAX_SAFE_INTEGER)
    const basic = pairs(values.basic, 'basic', ['till', 'password'])
    const oauth = pairs(values.oauth, 'oauth', ['key', 'secret'])
    // Without credential flags both defaults apply; with some, exactly the schemes given.
    const credentials: Partial<SandboxCredentials> | undefined =
      basic.length + oauth.length === 0
        ? undefined
        : {
            basic: basic.map(([tillCode, password]) => ({ tillCode, password })),
            oauth: oauth.map(([key, secret]) => ({ key, secret }))
          }
    const faults: Partial<SandboxFaults> = {
      failRate: number(values['fail-rate'], 'fail-rate', ratio, 'between 0 and 1') ?? 0,
      dropRate: number(values['drop-rate'], 'drop-rate', ratio, 'between 0 and 1') ?? 0,
      latencyMs: wholeNumberOption(values.latency, 'latency', 0, 600_000) ?? 0,
      rateLimitPerMinute: wholeNumberOption(values['rate-limit'], 'rate-limit', 0, 1_000_000) ?? 0
    }
    const address = { host: '127.0.0.1', port: port ?? localSandboxPort, scan: 1 }
    const sandbox = await startSandbox({
      port: address.port,
      ...(orgId !== undefined ? { orgId } : {}),
      ...(credentials ? { credentials } : {}),
      faults,
      logger: context.logger
    }).catch((error: unknown) => {
      throw asBindFailure(error, address)
    })
    const interrupted = untilInterrupted()
    // The credentials are printed for the user to copy; they never reach the log file.
    context.print(`Capillary sandbox running at ${sandbox.baseUrl} (org ${sandbox.orgId})`)
    for (const till of sandbox.credentials.basic) {
      context.print(`  Basic auth   till ${till.tillCode}, password ${till.password}`)
    }
    for (const client of sandbox.credentials.oauth) {
      context.print(`  OAuth        key ${client.key}, secret ${client.secret} (POST /v3/oauth/token/generate)`)
    }
    context.print(`  Faults       ${describeFaults(sandbox.faults())}`)
    context.print(`  Publish an event as a person would in InTouch:`)
    context.print(`    curl -X POST '${sandbox.baseUrl}/sandbox/events/publish?event_name=<name>'`)
    context.print('Stop it with Ctrl+C.')
    await interrupted
    await sandbox.close()
    return 0
  }
}
