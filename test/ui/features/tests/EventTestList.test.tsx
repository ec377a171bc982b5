import { render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { RequestName } from '../../../../shared/api/contract'
import { fail, ok, type Result } from '../../../../shared/api/result'
import type { EventTestStatus } from '../../../../shared/model/testCase'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { EventTestList } from '../../../../renderer/features/tests/EventTestList'
import { tallyLabel } from '../../../../renderer/features/tests/testLabels'

const status = (eventName: string, overrides: Partial<EventTestStatus> = {}): EventTestStatus => ({
  eventId: eventName,
  eventName,
  status: 'draft',
  testCases: 2,
  passing: 0,
  failing: 0,
  notRun: 2,
  missing: [],
  ...overrides
})

describe('tallyLabel', () => {
  it('says test cases that have not run yet have not run, rather than none passing', () => {
    expect(tallyLabel(status('a'))).toBe('2 test cases · not run yet')
    expect(tallyLabel(status('a', { testCases: 1, notRun: 1 }))).toBe('1 test case · not run yet')
  })

  it('tells failing test cases apart from those not run', () => {
    expect(tallyLabel(status('a', { failing: 2, notRun: 0 }))).toBe('0 of 2 passing · 2 failing')
    expect(tallyLabel(status('a', { testCases: 3, passing: 1, failing: 1, notRun: 1 }))).toBe(
      '1 of 3 passing · 1 failing · 1 not run'
    )
  })

  it('counts passing test cases, or says there is none', () => {
    expect(tallyLabel(status('a', { passing: 2, notRun: 0 }))).toBe('2 of 2 passing')
    expect(tallyLabel(status('a', { testCases: 0, notRun: 0 }))).toBe('No test case')
  })
})

describe('EventTestList', () => {
  it('shows each event with its tally, long names whole in their tooltip', async () => {
    const longName = 'hotel_checkout_completed_with_late_fee_and_minibar_charges'
    const answers: Partial<Record<RequestName, () => Promise<Result<unknown>>>> = {
      listTestCases: async () =>
        ok({ testCases: [], statuses: [status('ProductAddedToCart'), status(longName, { failing: 2, notRun: 0 })] }),
      listMappings: async () => ok([])
    }
    const transport: Transport = {
      call: (name) => answers[name]?.() ?? Promise.resolve(fail('unknown_request', name)),
      subscribe: vi.fn(() => () => undefined)
    }
    const stores = createStudioStores(createStudioApi(transport))
    await stores.tests.getState().load()
    render(
      <StudioProvider stores={stores}>
        <EventTestList />
      </StudioProvider>
    )
    const list = screen.getByRole('listbox', { name: 'Events' })
    expect(within(list).getByText('2 test cases · not run yet')).toBeTruthy()
    expect(within(list).getByText('0 of 2 passing · 2 failing')).toBeTruthy()
    expect(within(list).getByText(longName).getAttribute('title')).toBe(longName)
  })
})
