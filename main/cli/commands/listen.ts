import { isIP } from 'node:net'
import { parseArgs } from 'node:util'
import type { CaptureSummary } from '../../../shared/model/capture'
import { defaultListenerPort } from '../../../shared/model/listenerSettings'
import { formatBytes } from '../../../shared/model/formatBytes'
import { sliceWhole } from '../../../shared/model/wellFormedText'
import { exposureWarning } from '../../listener/exposure'
import { IntegrationRoutes, type IntegrationRoute } from '../../listener/IntegrationRoutes'
import { startProjectListener } from '../../listener/ProjectListener'
import { projectName } from '../../platform/AppState'
import { EnvironmentSecretStore } from '../../secrets/EnvironmentSecretStore'
import { environmentVariableFor, signingSecretName } from '../../secrets/SecretStore'
import { systemClock } from '../../services/Clock'
import { checkpoint, openProjectDatabase } from '../../store/database'
import { ListenerSettingsRepository } from '../../store/ListenerSettingsRepository'
import { asBindFailure } from '../asBindFailure'
import type { CliCommand, CliContext } from '../CliCommand'
import { printable } from '../printable'
import { promptSecret } from '../promptSecret'
import { resolveProjectFile } from '../resolveProjectFile'
import { untilInterrupted } from '../untilInterrupted'
import { exitCodes, UsageError } from '../usage'
import { readerIsGone } from '../readerGone'
import { portOption } from '../wholeNumberOption'

/** `capmap listen`: the project's webhook listener, headless, until interrupted; one line per capture. */
export const listenCommand: CliCommand = {
  name: 'listen',
  usage: `  listen --project <file>    Run the project's webhook listener until Ctrl+C, printing one line per capture
      --port <n>             Port for this run (default: the project's, else 4890 or the next free one)
      --host <address>       Interface for this run (default: the project's, 127.0.0.1)`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { project: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } }
    })
    if (positionals.length > 0) throw new UsageError(`capmap listen takes no arguments (got ${positionals.join(' ')})`)
    if (!values.project) throw new UsageError('capmap listen needs the project: capmap listen --project <file>')
    const port = portOption(values.port)
    if (values.host !== undefined && values.host !== 'localhost' && isIP(values.host) === 0) {
      throw new UsageError(`--host must be an IP address such as 127.0.0.1 (got ${values.host})`)
    }

    const path = resolveProjectFile(values.project)
    // Headless commands take no editing lock: SQLite's WAL lets them write alongside a studio (README "Projects").
    const db = openProjectDatabase(path)
    try {
      const settingsRepository = new ListenerSettingsRepository(db)
      const settings = settingsRepository.get()
      const host = values.host ?? settings.host
      const secrets = new EnvironmentSecretStore(process.env)
      if (!(await askForMissingSecrets(new IntegrationRoutes(db).all(), secrets, context))) {
        context.printError('capmap: stopped at the signing secret prompt: the listener was not started.')
        return exitCodes.interrupted
      }
      const firstPort = port ?? settings.port ?? defaultListenerPort
      const scan = port === undefined && settings.port === null ? 20 : 1
      let received = 0
      const listener = await startProjectListener({
        db,
        secrets,
        clock: systemClock,
        // What goes wrong while listening (captures not stored, say) is said here too, not only in the log.
        logger: { ...context.logger, error: (message) => echoError(message, context) },
        host,
        port: firstPort,
        scanPorts: scan,
        bodyLimitBytes: settings.bodyLimitBytes,
        onCaptures: (captures) => {
          received += captures.length
          captures.forEach((capture) => context.print(captureLine(capture)))
        },
        onPruned: (deleted) =>
          context.print(`Retention deleted ${deleted} older ${deleted === 1 ? 'capture' : 'captures'}.`)
      }).catch((error: unknown) => {
        throw asBindFailure(error, { host, port: firstPort, scan })
      })
      if (port === undefined && settings.port === null) settingsRepository.save({ ...settings, port: listener.port })
      const paths = listener.routes.all().map((route) => `/hooks/${route.slug}`)
      const interrupted = untilInterrupted()
      context.print(
        `Listening on ${listener.url} for ${projectName(path)}${paths.length > 0 ? ` (integrations at ${paths.join(', ')})` : ''}; Ctrl+C stops.`
      )
      const exposure = exposureWarning(host, listener.port)
      if (exposure) context.printError(`Warning: ${exposure}`)
      await interrupted
      // close() commits what is waiting before it resolves: the count is final.
      await listener.close()
      context.print(`Stopped listening on ${listener.url} for ${projectName(path)}: ${capturesReceived(received)}.`)
      return readerIsGone() ? exitCodes.readerGone : exitCodes.ok
    } finally {
      checkpoint(db)
      db.close()
    }
  }
}

function echoError(message: string, context: CliContext): void {
  context.logger.error(message)
  context.printError(`capmap: ${message}`)
}

const capturesReceived = (count: number) => `${count} ${count === 1 ? 'capture' : 'captures'} received`

/**
 * Integrations that verify signatures need their key: from `CAPMAP_SIGNING_SECRET_<SLUG>`, or typed at a prompt
 * (held in memory for this run) when there is a terminal; otherwise their requests are rejected, and we say so.
 * False when Ctrl+C was pressed at a prompt.
 */
async function askForMissingSecrets(
  routes: readonly IntegrationRoute[],
  secrets: EnvironmentSecretStore,
  context: CliContext
): Promise<boolean> {
  for (const route of routes) {
    if (route.verification.scheme === 'none') continue
    const name = signingSecretName(route.slug)
    if (secrets.get(name) !== undefined) continue
    const typed = process.stdin.isTTY ? await promptSecret(`Signing secret for ${route.slug} (not shown): `) : ''
    if (typed === undefined) return false
    if (typed) secrets.set(name, typed)
    else {
      context.printError(
        `Warning: ${route.slug} verifies signatures but ${environmentVariableFor(name)} is not set: its requests will be rejected (401).`
      )
    }
  }
  return true
}

/**
 * One capture as one line: when, what the sender heard, status, request, type, size, id, and why when there is a
 * reason (a refusal's, or a body redaction could not read and did not keep). Method, path, type and reason hold the
 * sender's bytes (raw when Node's parser refused the request): printable, so they cannot drive the terminal.
 */
export function captureLine(capture: CaptureSummary): string {
  return [
    capture.receivedAt,
    String(capture.responseStatus),
    capture.status.padEnd(9),
    printable(`${capture.method} ${capture.path}`),
    printable(capture.contentType ?? '-'),
    formatBytes(capture.size),
    capture.id,
    ...(capture.statusReason ? [printable(shortened(capture.statusReason))] : [])
  ].join('  ')
}

const shortened = (reason: string) => (reason.length > reasonLength ? `${sliceWhole(reason, reasonLength)}…` : reason)

/** A reason longer than this is cut (`capmap captures show <id>` gives it whole). */
const reasonLength = 160
