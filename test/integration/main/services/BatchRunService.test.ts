import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedSampleCaptures } from '../../../../main/listener/sampleCaptures'
import type { Studio } from '../../../../main/services/createStudio'
import type { BatchRunState } from '../../../../shared/model/testCase'
import { createTestStudio, type TestStudio } from '../../support/testStudio'

describe('batch runs and coverage', () => {
  let fixture: TestStudio
  let studio: Studio
  let mappingId: string
  const progress: BatchRunState[] = []

  beforeEach(() => {
    fixture = createTestStudio('batch-runs')
    studio = fixture.studio
    studio.session.close()
    studio.newProject(fixture.projectPath.replace('Project', 'Sample'), true)
    const webengage = studio.integrations.list().find((integration) => integration.slug === 'webengage')
    mappingId = studio.mappings.list().find((mapping) => mapping.integrationId === webengage?.id)?.id ?? ''
    progress.length = 0
    studio.bus.subscribe((name, payload) => {
      if (name === 'batchRunProgress') progress.push(payload as BatchRunState)
    })
  })

  afterEach(() => fixture.dispose())

  /** Captures WebEngage sends, through the listener's own intake: `count` of each of the two sample payloads. */
  function capture(count: number) {
    const project = studio.session.require()
    const json: [string, string][] = [['Content-Type', 'application/json']]
    const pair = (minutesAgo: number) => [
      {
        integration: 'webengage',
        payload: 'webengage-added-to-cart-flat.json',
        minutesAgo,
        query: [],
        headers: json,
        method: 'POST'
      },
      {
        integration: 'webengage',
        payload: 'webengage-promotion-viewed-nested.json',
        minutesAgo,
        query: [],
        headers: json,
        method: 'POST'
      }
    ]
    seedSampleCaptures(project, Array.from({ length: count }, (_, index) => pair(index)).flat(), new Date())
  }

  const finished = () =>
    new Promise<BatchRunState>((resolve) => {
      const check = setInterval(() => {
        const last = progress.at(-1)
        if (last && last.state !== 'running') {
          clearInterval(check)
          resolve(last)
        }
      }, 20)
    })

  it('maps every capture of the integration and sums them up: valid, unmatched, with the captures to open', async () => {
    capture(100)
    const started = studio.batchRuns.start(mappingId)
    expect(started.state).toBe('running')
    const end = await finished()
    // The sample's own two WebEngage captures, then 200 more.
    expect(end).toMatchObject({ state: 'done', total: 202, done: 202 })
    expect(end.summary).toMatchObject({ valid: 101, unmatched: 101, invalid: [] })
    expect(end.summary.unmatchedCaptureIds).toHaveLength(20)
    expect(studio.session.require().captures.get(end.summary.unmatchedCaptureIds[0] ?? '')?.sourceEvent).toBe(
      'Promotion Viewed'
    )
    expect(end.summary.validCaptureIds).toHaveLength(20)
    expect(studio.session.require().captures.get(end.summary.validCaptureIds[0] ?? '')?.sourceEvent).toBe(
      'Added To Cart'
    )
    expect(progress.filter((state) => state.state === 'running').length).toBeGreaterThanOrEqual(1)
  })

  it('stops when cancelled, saying how far it got', async () => {
    capture(1000)
    const { runId } = studio.batchRuns.start(mappingId)
    studio.batchRuns.cancel(runId)
    const end = await finished()
    expect(end.state).toBe('cancelled')
    expect(end.done).toBeLessThan(end.total)
    expect(end.message).toContain(`of ${end.total}`)
  })

  it('counts invalid outputs by their error code', async () => {
    const mapping = studio.mappings.list().find((candidate) => candidate.id === mappingId)
    if (!mapping) throw new Error('the sample maps WebEngage')
    const rules = mapping.rules.map((rule) =>
      rule.target === 'customer' ? { ...rule, source: { kind: 'constant' as const, value: '12' } } : rule
    )
    studio.mappings.save(mapping.integrationId, mapping.eventId, { ...mapping, rules })
    capture(3)
    studio.batchRuns.start(mappingId)
    const end = await finished()
    expect(end.summary.valid).toBe(0)
    expect(end.summary.invalid).toEqual([expect.objectContaining({ code: 'invalid_identifier', count: 4 })])
  })

  it('tells what the captures and test cases leave untouched', async () => {
    const coverage = await studio.testCases.coverage(mappingId)
    expect(coverage.capturesRead).toBe(2)
    expect(coverage.capturesMatched).toBe(1)
    expect(coverage.unusedFields.map((field) => field.path)).toContain('variant')
    expect(coverage.unusedFields.map((field) => field.path)).not.toContain('skuCode')
    // The sample's Promotion Viewed capture is not this mapping's event: its fields are not this mapping's to read.
    expect(coverage.unusedFields.map((field) => field.path)).not.toContain('system_data.sdk')
    expect(coverage.requiredUnfilled).toEqual([])
    // The sample's test case expects every mapped attribute.
    expect(coverage.rulesNotExercised).toEqual([])
  })

  it('synthesises edge cases from a payload and runs each through the mapping', async () => {
    const payload = { event_name: 'Added To Cart', user_id: '919663673779', skuCode: 'SKU-1', quantity: 2 }
    const results = await studio.testCases.edgeCases(mappingId, payload)
    const byName = new Map(results.map((result) => [result.name, result]))
    expect(byName.get('user_id is missing')).toMatchObject({ valid: false })
    expect(byName.get('user_id is missing')?.diagnostics.map((entry) => entry.code)).toContain('missing_customer')
    expect(byName.get('quantity has the wrong type')?.valid).toBe(false)
    expect(byName.get('skuCode is unicode text')).toMatchObject({ matched: true })
    expect(byName.get('event_name is null')).toMatchObject({ matched: false })
  })
})
