import { describe, expect, it } from 'vitest'
import type { EventDefinition } from '../../../../shared/model/event'
import type { TestCase } from '../../../../shared/model/testCase'
import { eventTestStatus } from '../../../../main/testCases/eventTestStatus'

const event = { id: 'e1', name: 'be_reserved' } as EventDefinition

const testCase = (id: string, run: 'passed' | 'failed' | 'notRun'): TestCase => ({
  id,
  mappingId: 'm1',
  name: id,
  source: { kind: 'edited' },
  payload: {},
  expected: [],
  createdAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z',
  current: run !== 'notRun',
  lastRun:
    run === 'notRun'
      ? null
      : {
          ranAt: '2026-11-28T00:00:00.000Z',
          passed: run === 'passed',
          failure: run === 'passed' ? null : 'outputs_differ',
          actual: [],
          diagnostics: [],
          fingerprint: 'f'
        }
})

describe('eventTestStatus', () => {
  it('asks to run one test case that has not run as "it", several as "them"', () => {
    expect(eventTestStatus(event, [testCase('a', 'notRun')]).missing[0]).toMatch(
      /^1 test case has not run .*: run it\.$/
    )
    expect(eventTestStatus(event, [testCase('a', 'notRun'), testCase('b', 'notRun')]).missing[0]).toMatch(
      /^2 test cases have not run .*: run them\.$/
    )
  })

  it('asks to open one failing test case as "it", several as "each"', () => {
    expect(eventTestStatus(event, [testCase('a', 'failed')]).missing).toEqual([
      '1 test case fails: open it to see expected against actual.'
    ])
    expect(eventTestStatus(event, [testCase('a', 'failed'), testCase('b', 'failed')]).missing).toEqual([
      '2 test cases fail: open each to see expected against actual.'
    ])
  })

  it('counts passing, failing and not run apart', () => {
    const status = eventTestStatus(event, [testCase('a', 'passed'), testCase('b', 'failed'), testCase('c', 'notRun')])
    expect(status).toMatchObject({ status: 'draft', testCases: 3, passing: 1, failing: 1, notRun: 1 })
  })
})
