import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { RequestName } from '../../../../shared/api/contract'
import { fail, type Result } from '../../../../shared/api/result'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { CaptureList } from '../../../../renderer/features/captures/CaptureList'
import { fakeCapturesApi, summary } from './fakeCapturesApi'

/** The inbox list inside the studio's real stores, over a transport answered by the inbox's fake api. */
function renderList() {
  const api = fakeCapturesApi([summary(1), summary(2)])
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = { ...api }
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  render(
    <StudioProvider stores={createStudioStores(createStudioApi(transport))}>
      <CaptureList onOpenDetail={vi.fn()} onSendTest={vi.fn()} />
    </StudioProvider>
  )
  return { api, search: screen.getByRole('searchbox', { name: 'Search captures' }) as HTMLInputElement }
}

describe('the capture inbox search box', () => {
  it('says that a search finds words by their start, with an example', () => {
    const { search } = renderList()
    expect(search.placeholder).toBe('Search bodies, paths, queries by word start')
    expect(search.title).toMatch(/start with it \(1457 finds 14572567\); a capture must match them all/)
  })

  it('sends the words typed to main as they are, quotes and stars included', async () => {
    const { api, search } = renderList()
    fireEvent.change(search, { target: { value: '1457 "Obero*' } })
    fireEvent.keyDown(search, { key: 'Enter' })
    await vi.waitFor(() =>
      expect(api.listCaptures).toHaveBeenLastCalledWith(expect.objectContaining({ search: '1457 "Obero*' }))
    )
  })

  it('says how much of each body it reads when it finds nothing', async () => {
    const { search } = renderList()
    fireEvent.change(search, { target: { value: 'SKU19999' } })
    fireEvent.keyDown(search, { key: 'Enter' })
    expect(
      await screen.findByText('No capture matches these filters. Change the search or filters, or clear them.')
    ).toBeTruthy()
    expect(screen.getByText('The search reads the first 1,048,576 characters of each body.')).toBeTruthy()
  })
})
