import { spawnSync } from 'node:child_process'
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { eventDefinitionBody } from '../../../../shared/capillary/eventDefinitionBody'
import { standardEventDraft } from '../../../../shared/capillary/standardEventDraft'
import type { EventDraft } from '../../../../shared/model/event'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { orderXml, reservationForm } from '../../../unit/shared/engine/fixtures/bodies'
import { beReserved, orderItemPurchased } from '../../../unit/shared/engine/fixtures/events'
import { buildTimeoutMs, capmapBin as bin, ensureBuiltCli, repository } from '../../support/builtCli'

const fixtures = join(repository, 'test/unit/shared/engine/fixtures')

let folder: ReturnType<typeof createTemporaryFolder>

beforeAll(ensureBuiltCli, buildTimeoutMs)

beforeEach(() => {
  folder = createTemporaryFolder('transform')
})

afterEach(() => {
  folder.remove()
})

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function capmap(args: string[], input?: string): Run {
  const result = spawnSync(process.execPath, [bin, 'transform', ...args], {
    cwd: folder.path,
    env: { ...process.env, CAPMAP_CONFIG_DIR: join(folder.path, 'config'), NO_COLOR: '1' },
    encoding: 'utf8',
    input,
    timeout: 60_000
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Writes a file in the temporary folder and gives its name. */
function file(name: string, content: unknown): string {
  writeFileSync(join(folder.path, name), typeof content === 'string' ? content : JSON.stringify(content))
  return name
}

const eventFile = (draft: EventDraft) => file(`${draft.name}.event.json`, eventDefinitionBody(draft))
const mappingFile = (name: string) =>
  file(`${name}.mapping.json`, readFileSync(join(fixtures, 'mappings', `${name}.json`), 'utf8'))
const diagnosticsOf = (run: Run) =>
  run.stderr
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as { code: string; severity: string })

describe('capmap transform', () => {
  it('maps a JSON payload file: payloads on stdout, exit 0', () => {
    const run = capmap([
      '--mapping',
      mappingFile('webengage-added-to-cart'),
      '--event-def',
      eventFile(standardEventDraft('ProductAddedToCart')),
      join(fixtures, 'webengage-added-to-cart-flat.json')
    ])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({ event_name: 'ProductAddedToCart', customer: '919663673779', productPrice: 1299 })
    ])
    expect(run.stderr).toBe('')
  })

  it('fans out, printing one diagnostic per line as JSON on stderr', () => {
    const run = capmap([
      '--mapping',
      mappingFile('custom-app-order'),
      '--event-def',
      eventFile(orderItemPurchased),
      join(fixtures, 'custom-app-order-with-items.json')
    ])
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toHaveLength(2)
    expect(diagnosticsOf(run).map((diagnostic) => diagnostic.code)).toEqual([
      'identifier_normalised',
      'identifier_normalised'
    ])
  })

  it('reads the payload from stdin, with - or without a payload argument', () => {
    const payload = readFileSync(join(fixtures, 'custom-app-order-with-items.json'), 'utf8')
    const args = ['--mapping', mappingFile('custom-app-order'), '--event-def', eventFile(orderItemPurchased)]
    expect(JSON.parse(capmap([...args, '-'], payload).stdout)).toHaveLength(2)
    expect(JSON.parse(capmap(args, payload).stdout)).toHaveLength(2)
  })

  it('decodes by the extension: .form and .xml', () => {
    const form = capmap([
      '--mapping',
      mappingFile('booking-form'),
      '--event-def',
      eventFile(beReserved),
      file('booking.form', reservationForm)
    ])
    expect(form.status).toBe(0)
    expect(JSON.parse(form.stdout)).toEqual([
      expect.objectContaining({ customer_id: '919933772255', hotel_name: 'Indiranagar & Co' })
    ])
    const xml = capmap([
      '--mapping',
      mappingFile('order-xml'),
      '--event-def',
      eventFile(orderItemPurchased),
      file('order.xml', orderXml)
    ])
    expect(xml.status).toBe(0)
    expect(JSON.parse(xml.stdout).map((payload: { sku: string }) => payload.sku)).toEqual(['TSHIRT-BLK-M', 'CAP-RED'])
  })

  it('takes --content-type over the extension', () => {
    const run = capmap([
      '--mapping',
      mappingFile('booking-form'),
      '--event-def',
      eventFile(beReserved),
      '--content-type',
      'application/x-www-form-urlencoded',
      file('booking.txt', reservationForm)
    ])
    expect(run.status).toBe(0)
  })

  it('keeps every digit of a big integer', () => {
    const mapping = file('id.mapping.json', {
      match: { kind: 'always' },
      rules: [
        { target: 'customer_id', source: { kind: 'path', path: 'mobile' } },
        { target: 'hotel_name', source: { kind: 'constant', value: 'x' } },
        { target: 'external_event_id', source: { kind: 'path', path: 'id' } }
      ]
    })
    const run = capmap([
      '--mapping',
      mapping,
      '--event-def',
      eventFile(beReserved),
      file('big.json', '{"id":12345678901234567890,"mobile":919933772255}')
    ])
    expect(JSON.parse(run.stdout)[0].external_event_id).toBe('12345678901234567890')
    expect(diagnosticsOf(run).map((diagnostic) => diagnostic.code)).toContain('big_integer')
    expect(run.status).toBe(0)
  })

  it('prints [] and exits 1 when the payload is not this event', () => {
    const run = capmap([
      '--mapping',
      mappingFile('webengage-added-to-cart'),
      '--event-def',
      eventFile(standardEventDraft('ProductAddedToCart')),
      join(fixtures, 'webengage-promotion-viewed-nested.json')
    ])
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual([])
    expect(diagnosticsOf(run)).toEqual([expect.objectContaining({ code: 'no_match' })])
  })

  it('exits 1 when an output is invalid, still printing it', () => {
    const run = capmap([
      '--mapping',
      mappingFile('booking-form'),
      '--event-def',
      eventFile(beReserved),
      file('booking.form', 'event_name=be_reserved&hotel_name=x')
    ])
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual([{ event_name: 'be_reserved', hotel_name: 'x' }])
    expect(diagnosticsOf(run)).toContainEqual(expect.objectContaining({ code: 'missing_customer', severity: 'error' }))
  })

  it('exits 1 with a decode_error for a payload that is not the JSON it claims to be', () => {
    const run = capmap([
      '--mapping',
      mappingFile('booking-form'),
      '--event-def',
      eventFile(beReserved),
      file('bad.json', '{"a":')
    ])
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual([])
    expect(diagnosticsOf(run)).toEqual([expect.objectContaining({ code: 'decode_error', severity: 'error' })])
  })

  it('stops a runaway JSONata expression with expression_timeout instead of hanging', () => {
    const mapping = file('slow.mapping.json', {
      match: { kind: 'always' },
      rules: [
        { target: 'customer_id', source: { kind: 'constant', value: '919933772255' } },
        {
          target: 'hotel_name',
          source: {
            kind: 'expression',
            expression: "$contains('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', /^(a+)+$/) ? 'x' : 'y'"
          }
        }
      ]
    })
    const started = Date.now()
    const run = capmap(['--mapping', mapping, '--event-def', eventFile(beReserved), file('p.json', '{}')])
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.status).toBe(1)
    expect(diagnosticsOf(run)).toContainEqual(
      expect.objectContaining({ code: 'expression_timeout', severity: 'error' })
    )
  })

  it('runs JSONata rules in a worker, $$ being the whole payload', () => {
    const mapping = file('expr.mapping.json', {
      match: { kind: 'expression', expression: 'event_name = "be_reserved"' },
      rules: [
        { target: 'customer_id', source: { kind: 'path', path: 'customer_id' } },
        {
          target: 'hotel_name',
          source: { kind: 'expression', expression: '$uppercase(hotel_name) & "/" & $$.external_event_id' }
        }
      ]
    })
    const run = capmap([
      '--mapping',
      mapping,
      '--event-def',
      eventFile(beReserved),
      join(fixtures, 'custom-be-reserved.json')
    ])
    expect(JSON.parse(run.stdout)).toEqual([
      { event_name: 'be_reserved', customer_id: '9933772255', hotel_name: 'INDIRANAGAR/RAND121' }
    ])
  })

  it.each([
    [['--event-def', 'e.json', 'p.json'], /needs --mapping and --event-def/],
    [['--mapping', 'm.json', '--event-def', 'e.json', 'a.json', 'b.json'], /takes one payload/],
    [['--mapping', 'm.json', '--event-def', 'e.json', '--verbose'], /Unknown option/]
  ])('exits 2 on bad usage: %j', (args, message) => {
    const run = capmap(args)
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(message)
  })

  it('exits 2, naming the problem, for files it cannot use', () => {
    const event = eventFile(beReserved)
    expect(capmap(['--mapping', 'missing.json', '--event-def', event, 'p.json'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('cannot read the mapping file')
    })
    const invalid = file('invalid.mapping.json', { match: { kind: 'sometimes' }, rules: [] })
    expect(capmap(['--mapping', invalid, '--event-def', event, 'p.json'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('match')
    })
    const notEvent = file('not-event.json', { name: 'x' })
    expect(capmap(['--mapping', mappingFile('booking-form'), '--event-def', notEvent, 'p.json'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('eventName')
    })
  })

  it('exits 2 for a payload it will not read whole: a device, or endless standard input', () => {
    const event = eventFile(beReserved)
    const mapping = mappingFile('booking-form')
    expect(capmap(['--mapping', mapping, '--event-def', event, '/dev/zero'])).toMatchObject({
      status: 2,
      stderr:
        'capmap: cannot read the payload: /dev/zero is not a file (a pipe, a device or a socket): the studio reads only files.\n'
    })
    const zeros = openSync('/dev/zero', 'r')
    try {
      const endless = spawnSync(process.execPath, [bin, 'transform', '--mapping', mapping, '--event-def', event], {
        cwd: folder.path,
        env: { ...process.env, CAPMAP_CONFIG_DIR: join(folder.path, 'config') },
        encoding: 'utf8',
        stdio: [zeros, 'pipe', 'pipe'],
        timeout: 60_000
      })
      expect(endless.status).toBe(2)
      expect(endless.stderr).toBe(
        'capmap: the payload on standard input is over 100 MiB: larger than the studio reads.\n'
      )
    } finally {
      closeSync(zeros)
    }
  })

  it('is listed by capmap --help', () => {
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })
    expect(help.stdout).toContain('transform --mapping <file> --event-def <file>')
  })
})
