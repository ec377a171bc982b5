import { createHash } from 'node:crypto'
import { stringify } from 'safe-stable-stringify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Studio } from '../../../../main/services/createStudio'
import type { MappingSpec } from '../../../../shared/model/mapping'
import type { TestCaseDraft } from '../../../../shared/model/testCase'
import { eventDraft } from '../../support/eventDraft'
import { createTestStudio, studioErrorOf, type TestStudio } from '../../support/testStudio'

const spec = (couponPath = 'coupon'): MappingSpec => ({
  match: { kind: 'integration' },
  fanOut: null,
  rules: [
    { target: 'customer_id', source: { kind: 'path', path: 'user_id', scope: 'item' }, transforms: [] },
    { target: 'coupon', source: { kind: 'path', path: couponPath, scope: 'item' }, transforms: [{ kind: 'trim' }] }
  ]
})

const payload = { event_name: 'room_reserved', user_id: '919876543210', coupon: ' ABC-1234 ' }
const output = { event_name: 'room_reserved', customer_id: '919876543210', coupon: 'ABC-1234' }

describe('the Tested gate', () => {
  let fixture: TestStudio
  let studio: Studio
  let eventId: string
  let integrationId: string
  let mappingId: string

  const draft = (overrides: Partial<TestCaseDraft> = {}): TestCaseDraft => ({
    mappingId,
    name: 'A reservation with a coupon',
    source: { kind: 'edited' },
    payload,
    expected: [output],
    ...overrides
  })
  const status = () => studio.testCases.list({ eventId }).statuses[0]
  const stored = () => studio.events.list().find((event) => event.id === eventId)?.status

  beforeEach(() => {
    fixture = createTestStudio('test-cases')
    studio = fixture.studio
    eventId = studio.events.create(eventDraft()).id
    integrationId = studio.integrations.create({
      name: 'Booking app',
      slug: 'booking-app',
      kind: 'custom',
      sourceAccount: 'INSTORE',
      eventNameField: 'event_name',
      eventNameMap: [{ sourceName: 'room_reserved', eventName: 'room_reserved' }]
    }).id
    mappingId = studio.mappings.save(integrationId, eventId, spec()).id
  })

  afterEach(() => fixture.dispose())

  it('keeps an event without test cases in Draft, saying it needs one', () => {
    expect(status()).toMatchObject({ status: 'draft', testCases: 0 })
    expect(status()?.missing.join(' ')).toContain('has no test case')
    expect(stored()).toBe('draft')
  })

  it('makes the event Tested only once its test case has run and passed', async () => {
    studio.testCases.save(undefined, draft())
    expect(status()).toMatchObject({ status: 'draft', testCases: 1, notRun: 1 })
    expect(stored()).toBe('draft')

    const { testCases, statuses } = await studio.testCases.run({ eventId })
    expect(testCases[0]?.lastRun).toMatchObject({ passed: true, failure: null, actual: [output] })
    expect(statuses[0]).toMatchObject({ status: 'tested', passing: 1, missing: [] })
    expect(stored()).toBe('tested')
  })

  it('sends the event back to Draft when the event changes, until its tests run again', async () => {
    studio.testCases.save(undefined, draft())
    await studio.testCases.run({ eventId })
    const event = eventDraft()
    studio.events.update(eventId, { ...event, description: 'Changed.' })
    expect(stored()).toBe('draft')
    expect(status()).toMatchObject({ status: 'draft', notRun: 1 })
    await studio.testCases.run({ eventId })
    expect(stored()).toBe('tested')
  })

  it('sends it back to Draft when its mapping changes, and keeps it there while the test fails', async () => {
    studio.testCases.save(undefined, draft())
    await studio.testCases.run({ eventId })
    studio.mappings.save(integrationId, eventId, spec('voucher'))
    expect(stored()).toBe('draft')
    const { testCases, statuses } = await studio.testCases.run({ eventId })
    expect(testCases[0]?.lastRun).toMatchObject({ passed: false, failure: 'outputs_differ' })
    expect(statuses[0]).toMatchObject({ status: 'draft', failing: 1 })
    expect(stored()).toBe('draft')
    studio.mappings.save(integrationId, eventId, spec())
    await studio.testCases.run({ eventId })
    expect(stored()).toBe('tested')
  })

  it("sends it back to Draft when the integration's event-name map changes", async () => {
    studio.testCases.save(undefined, draft())
    await studio.testCases.run({ eventId })
    studio.integrations.update(integrationId, {
      name: 'Booking app, renamed',
      slug: 'booking-app',
      kind: 'custom',
      sourceAccount: 'INSTORE',
      eventNameField: 'event_name',
      eventNameMap: [{ sourceName: 'room_reserved', eventName: 'room_reserved' }]
    })
    expect(stored()).toBe('tested')
    studio.integrations.update(integrationId, {
      name: 'Booking app',
      slug: 'booking-app',
      kind: 'custom',
      sourceAccount: 'INSTORE',
      eventNameField: 'type',
      eventNameMap: [{ sourceName: 'room_reserved', eventName: 'room_reserved' }]
    })
    expect(stored()).toBe('draft')
    const { statuses } = await studio.testCases.run({ eventId })
    // The payload names its event in event_name, no longer where the integration looks: no output, so it fails.
    expect(statuses[0]).toMatchObject({ status: 'draft', failing: 1 })
  })

  it('sends it back to Draft when a test case is edited or added, until they run', async () => {
    const first = studio.testCases.save(undefined, draft())
    await studio.testCases.run({ eventId })
    studio.testCases.save(first.id, draft({ name: 'Renamed', payload: { ...payload, nights: 2 } }))
    expect(stored()).toBe('draft')
    await studio.testCases.run({ eventId })
    expect(stored()).toBe('tested')
    studio.testCases.save(undefined, draft({ name: 'Another' }))
    expect(stored()).toBe('draft')
    expect(status()).toMatchObject({ testCases: 2, passing: 1, notRun: 1 })
  })

  it('refuses a second test case of the same name on one mapping, whatever its case, and keeps a rename to itself', () => {
    const first = studio.testCases.save(undefined, draft())
    expect(
      studioErrorOf(() => studio.testCases.save(undefined, draft({ name: ' a reservation WITH a coupon ' })))
    ).toMatchObject({
      code: 'conflict',
      message: 'This mapping already has a test case named A reservation with a coupon: give this one another name.'
    })
    expect(studio.testCases.save(first.id, draft({ payload: { ...payload, nights: 2 } })).name).toBe(first.name)
    expect(studio.testCases.list({ eventId }).testCases).toHaveLength(1)
  })

  it('lets the event become Tested again when its only failing test case is deleted', async () => {
    studio.testCases.save(undefined, draft())
    const wrong = studio.testCases.save(
      undefined,
      draft({ name: 'Wrong', expected: [{ ...output, coupon: 'XYZ-0000' }] })
    )
    await studio.testCases.run({ eventId })
    expect(stored()).toBe('draft')
    studio.testCases.delete(wrong.id)
    expect(stored()).toBe('tested')
  })

  it('fails a test whose outputs are as expected but invalid for Capillary', async () => {
    const bad = { ...payload, user_id: '12' }
    const preview = await studio.testCases.preview(mappingId, bad)
    expect(preview.valid).toBe(false)
    studio.testCases.save(undefined, draft({ payload: bad, expected: preview.outputs }))
    const { testCases } = await studio.testCases.run({ eventId })
    expect(testCases[0]?.lastRun).toMatchObject({ passed: false, failure: 'invalid_output' })
    expect(testCases[0]?.lastRun?.diagnostics.map((entry) => entry.code)).toContain('invalid_identifier')
  })

  it('passes a test that expects no event for a payload that is not this event', async () => {
    studio.testCases.save(undefined, draft({ payload: { event_name: 'room_cancelled' }, expected: [] }))
    const { statuses } = await studio.testCases.run({ eventId })
    expect(statuses[0]).toMatchObject({ status: 'tested' })
  })

  it('has no way around the gate: a status sent with the event is never read', async () => {
    studio.testCases.save(undefined, draft())
    studio.testCases.save(undefined, draft({ name: 'A failing one', expected: [] }))
    await studio.testCases.run({ eventId })
    expect(stored()).toBe('draft')
    // The event as it is, its runs all current, one failing: Draft, whatever the input says.
    studio.events.update(eventId, { ...eventDraft(), status: 'tested' } as never)
    expect(stored()).toBe('draft')
  })

  it('counts runs recorded by earlier studios, whose fingerprint hashed the stored mapping whole', async () => {
    const testCase = studio.testCases.save(undefined, draft())
    await studio.testCases.run({ eventId })
    expect(stored()).toBe('tested')
    const db = studio.session.require().db
    const mapping = studio.session.require().mappings.get(mappingId)!
    const event = studio.session.require().events.get(eventId)!
    const lastRun = JSON.parse(
      db.prepare('SELECT last_run FROM test_cases WHERE id = ?').pluck().get(testCase.id) as string
    )
    // The fingerprint as studios before this one wrote it: the mapping as stored, id and times included.
    const { name, label, description, kind, actions, attributes } = event
    const asBefore = createHash('sha256')
      .update(
        stringify({
          event: {
            name,
            label,
            description,
            kind,
            actions,
            attributes: attributes.map(({ id: _id, ...rest }) => rest)
          },
          spec: { ...mapping, match: { kind: 'eventName', field: 'event_name', sourceNames: ['room_reserved'] } },
          payload: testCase.payload,
          expected: testCase.expected
        }) ?? ''
      )
      .digest('hex')
    db.prepare('UPDATE test_cases SET last_run = ? WHERE id = ?').run(
      JSON.stringify({ ...lastRun, fingerprint: asBefore }),
      testCase.id
    )
    expect(status()).toMatchObject({ status: 'tested', notRun: 0 })
    // Saved again, the mapping is not the one that older run hashed: it must run again.
    studio.mappings.save(integrationId, eventId, spec())
    expect(status()).toMatchObject({ status: 'draft', notRun: 1 })
  })

  it('keeps test cases and their runs across closing and reopening the project, and drops them with their mapping', async () => {
    studio.testCases.save(undefined, draft())
    await studio.testCases.run({ eventId })
    studio.session.close()
    studio.session.open(fixture.projectPath)
    expect(studio.testCases.list().testCases).toEqual([
      expect.objectContaining({
        name: 'A reservation with a coupon',
        current: true,
        lastRun: expect.objectContaining({ passed: true })
      })
    ])
    studio.mappings.delete(mappingId)
    expect(studio.testCases.list().testCases).toEqual([])
  })

  it('refuses a test case for a mapping that does not exist', () => {
    expect(studioErrorOf(() => studio.testCases.save(undefined, draft({ mappingId: 'nope' }))).code).toBe('not_found')
  })
})
