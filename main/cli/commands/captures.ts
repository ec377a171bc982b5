import { parseArgs } from 'node:util'
import type { CaptureDetail, CaptureSummary } from '../../../shared/model/capture'
import { headerText } from '../../../shared/model/headerText'
import { StudioError } from '../../errors/StudioError'
import { captureDetail } from '../../listener/captureDetail'
import { CaptureRepository, matchExpression } from '../../store/CaptureRepository'
import { openProjectDatabase, schemaVersionOf, type ProjectDatabase } from '../../store/database'
import { captures as capturesMigration } from '../../store/migrations/004-captures'
import type { CliCommand, CliContext } from '../CliCommand'
import { printable, printableJson } from '../printable'
import { resolveProjectFile } from '../resolveProjectFile'
import { UsageError } from '../usage'
import { wholeNumberOption } from '../wholeNumberOption'
import { captureLine } from './listen'

const defaultLimit = 100

/**
 * `capmap captures list|show`: the project's captures, read through a read-only connection, so it works while a
 * listener or the studio has the project open and writes to it.
 */
export const capturesCommand: CliCommand = {
  name: 'captures',
  usage: `  captures list --project <file> [--json] [--limit N] [--search text]
                             List captures, newest first (default limit 100); --json: one object per line
  captures show <id> --project <file> [--json]
                             Show one capture: metadata, headers and body`,
  async run(args, context) {
    const [action, ...rest] = args
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        project: { type: 'string' },
        json: { type: 'boolean' },
        limit: { type: 'string' },
        search: { type: 'string' }
      }
    })
    if (action !== 'list' && action !== 'show') {
      throw new UsageError(`capmap captures takes list or show (got ${action ?? 'nothing'})`)
    }
    if (!values.project) throw new UsageError(`capmap captures ${action} needs the project: --project <file>`)
    if (action === 'list') {
      if (positionals.length > 0)
        throw new UsageError(`capmap captures list takes no arguments (got ${positionals.join(' ')})`)
      const limit = wholeNumberOption(values.limit, 'limit', 1, 100_000) ?? defaultLimit
      // A search with no word in it would list every capture, as if it had matched them all.
      if (values.search !== undefined && matchExpression(values.search) === undefined) {
        throw new UsageError(
          `--search needs a word to look for, letters or digits (got ${JSON.stringify(values.search)})`
        )
      }
      return withCaptures(values.project, (captures) =>
        list(captures, { limit, search: values.search, json: values.json ?? false }, context)
      )
    }
    const [id, ...extra] = positionals
    if (!id || extra.length > 0) throw new UsageError('capmap captures show takes one capture id')
    if (values.limit !== undefined || values.search !== undefined) {
      throw new UsageError('--limit and --search belong to capmap captures list')
    }
    return withCaptures(values.project, (captures) => show(captures, id, values.json ?? false, context))
  }
}

function withCaptures(project: string, work: (captures: CaptureRepository | undefined) => number): number {
  const db: ProjectDatabase = openProjectDatabase(resolveProjectFile(project), { readOnly: true })
  try {
    // A project from before captures existed has none (opened read-only, it is not migrated).
    const hasCaptures = schemaVersionOf(db) >= capturesMigration.version
    return work(hasCaptures ? new CaptureRepository(db) : undefined)
  } finally {
    db.close()
  }
}

function list(
  captures: CaptureRepository | undefined,
  options: { limit: number; search: string | undefined; json: boolean },
  context: CliContext
): number {
  let printed = 0
  let cursor: string | undefined
  while (captures && printed < options.limit) {
    const page = captures.list({
      limit: Math.min(500, options.limit - printed),
      ...(cursor === undefined ? {} : { cursor }),
      ...(options.search === undefined ? {} : { search: options.search })
    })
    for (const capture of page.items)
      context.print(options.json ? printableJson(jsonLine(capture)) : captureLine(capture))
    printed += page.items.length
    if (page.nextCursor === null) break
    cursor = page.nextCursor
  }
  if (printed === 0 && !options.json) context.printError(options.search ? 'No capture matches.' : 'No captures yet.')
  return 0
}

/** The fields a script reads, in a fixed order; receivedAt is ISO 8601. */
function jsonLine(capture: CaptureSummary) {
  return {
    id: capture.id,
    receivedAt: capture.receivedAt,
    integration: capture.integration,
    method: capture.method,
    path: capture.path,
    contentType: capture.contentType,
    size: capture.size,
    status: capture.status,
    responseStatus: capture.responseStatus,
    statusReason: capture.statusReason,
    sourceEvent: capture.sourceEvent,
    verdict: capture.verdict,
    redacted: capture.redacted
  }
}

function show(captures: CaptureRepository | undefined, id: string, json: boolean, context: CliContext): number {
  const stored = captures?.get(id)
  if (!stored) throw new StudioError('not_found', `There is no capture ${id} in this project.`)
  const detail = captureDetail(stored)
  if (json) {
    context.print(printableJson(detail, 2))
    return 0
  }
  for (const line of describeCapture(detail, process.stdout.isTTY === true)) context.print(line)
  return 0
}

/**
 * A capture for reading. Everything but the body is made printable: method, path, headers, query, event names and
 * reasons can hold whatever bytes the sender chose. The body is the payload asked for: piped or redirected (to a
 * file, to grep) its text stays exactly as received, controls included, for whatever reads it next; on a terminal
 * its controls are shown as escapes, its line breaks and tabs kept. (`--json` is the form for programs.)
 */
export function describeCapture(capture: CaptureDetail, toTerminal: boolean): string[] {
  const lines = [
    `Capture      ${capture.id}`,
    `Received     ${capture.receivedAt} from ${capture.remoteAddress}`,
    `Status       ${capture.status} (answered ${capture.responseStatus})${capture.statusReason ? `: ${capture.statusReason}` : ''}`,
    `Integration  ${capture.integration ?? '(none: unmatched)'}${capture.sourceEvent ? `, event ${capture.sourceEvent}` : ''}`,
    `Request      ${capture.method} ${capture.path}`,
    `Body         ${capture.size} bytes, ${capture.contentType ?? 'no content type'}, read as ${capture.bodyKind}${capture.redacted ? ' (redacted)' : ''}`,
    `Signature    ${capture.verification.scheme}: ${capture.verification.outcome}${capture.verification.reason ? ` (${capture.verification.reason})` : ''}`
  ]
  if (capture.query.length > 0) lines.push('', 'Query', ...capture.query.map(([name, value]) => `  ${name}: ${value}`))
  lines.push('', 'Headers', ...capture.headers.map(([name, value]) => `  ${name}: ${headerText(value)}`))
  lines.push('', 'Body')
  const notes = [...(capture.decodeError ? [capture.decodeError] : []), ...capture.decodeWarnings]
  const decoding = notes.length > 0 ? ['', ...notes.map((note) => printable(`Decoding: ${note}`))] : []
  return [...lines.map((line) => printable(line)), bodyText(capture, toTerminal), ...decoding]
}

function bodyText(capture: CaptureDetail, toTerminal: boolean): string {
  if (capture.bodyBase64 === null) return '  (not kept)'
  if (capture.contentText === null) return `  (${capture.size} bytes, not text: use --json for base64)`
  return toTerminal ? printable(capture.contentText, 'text') : capture.contentText
}
