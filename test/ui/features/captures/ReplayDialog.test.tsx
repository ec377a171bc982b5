import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ok } from '../../../../shared/api/result'
import type { CaptureReplay } from '../../../../shared/model/captureInbox'
import { ReplayDialog } from '../../../../renderer/features/captures/ReplayDialog'
import { bookingReplay, fakeCapturesApi, summary } from './fakeCapturesApi'
import { renderInStudio } from '../../support/renderInStudio'

const replay = bookingReplay('5', {
  valid: false,
  outputs: [{ payload: { event_name: 'be_reserved' }, valid: false }],
  diagnostics: [
    { severity: 'info', code: 'missing_value', message: 'age is left out.', attribute: 'age' },
    {
      severity: 'error',
      code: 'missing_customer',
      message: 'No customer identifier: Capillary rejects events without one.'
    },
    { severity: 'error', code: 'missing_required', message: 'hotel_name is required.', attribute: 'hotel_name' }
  ]
})

async function showReplay(answer: CaptureReplay) {
  const api = fakeCapturesApi([summary(5)])
  api.replayCapture.mockResolvedValueOnce(ok(answer))
  const stores = await renderInStudio({ ...api }, <ReplayDialog />)
  await act(async () => {
    await stores.captures.getState().select('5')
    await stores.captures.getState().replaySelected()
  })
  return screen.getByRole('region', { name: 'Mapping onto be_reserved' })
}

describe('the replay dialog', () => {
  it('lists every problem, errors first, before the output, so none sits under the editor', async () => {
    const section = await showReplay(replay)
    const problems = within(section).getByRole('list', { name: 'Problems mapping onto be_reserved' })
    expect(
      within(problems)
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual([
      'Error: No customer identifier: Capillary rejects events without one.',
      'Error: hotel_name: hotel_name is required.',
      'Note: age: age is left out.'
    ])
    const output = within(section).getByRole('textbox', { name: 'Output for be_reserved' })
    expect(problems.compareDocumentPosition(output) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('makes the output’s box as tall as its lines', async () => {
    const section = await showReplay(replay)
    expect((section.querySelector('.capture-replay-output') as HTMLElement).style.height).toBe(`${3 * 20 + 16}px`)
  })

  it('lets a long output scroll inside a box of at most 14 lines', async () => {
    const payload = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`a${index}`, index]))
    const long = { ...replay.mappings[0]!, outputs: [{ payload: payload as never, valid: true }] }
    const section = await showReplay({ ...replay, mappings: [long] })
    expect((section.querySelector('.capture-replay-output') as HTMLElement).style.height).toBe(`${14 * 20 + 16}px`)
  })
})
