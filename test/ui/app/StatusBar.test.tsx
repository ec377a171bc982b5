import { act, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok } from '../../../shared/api/result'
import { flushEdits } from '../../../renderer/app/flushEdits'
import { savedFeedbackMs } from '../../../renderer/app/saveStatus'
import { StatusBar } from '../../../renderer/app/StatusBar'
import { newCustomEventDraft } from '../../../renderer/features/events/newEventDraft'
import { fakeEventsApi } from '../support/fakeApi'
import { renderInStudio } from '../support/renderInStudio'

const openedAt = '2026-11-28T01:41:45.000Z'
const time = (iso: string) => new Date(iso).toLocaleTimeString()

async function renderStatusBar() {
  const stores = await renderInStudio(
    {
      ...fakeEventsApi(),
      getProjectState: async () =>
        ok({
          project: { path: '/tmp/Shop.capmap', name: 'Shop', readOnly: false, schemaVersion: 4, lastSavedAt: openedAt }
        }),
      listRecentProjects: async () => ok([])
    },
    <StatusBar appInfo={null} onOpenPalette={() => undefined} />,
    async (prepared) => {
      await prepared.project.getState().refresh()
      await prepared.events.getState().create(newCustomEventDraft([]))
    }
  )
  return { stores, status: () => screen.getByTestId('status-save').textContent }
}

describe('StatusBar', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-11-28T10:00:00.000Z'))
  })
  afterEach(() => vi.useRealTimers())

  it('shows the time of the last save, not the time the project was opened', async () => {
    const { stores, status } = await renderStatusBar()
    expect(status()).toBe(`All changes saved · ${time(openedAt)}`)
    vi.setSystemTime(new Date('2026-11-28T10:05:07.000Z'))
    await act(async () => {
      stores.events.getState().edit({ ...stores.events.getState().draft!, label: 'Booked' })
      await stores.events.getState().flush()
    })
    expect(status()).toBe(`All changes saved · ${time('2026-11-28T10:05:07.000Z')}`)
  })

  it('says what waits to be saved while an edit is pending', async () => {
    const { stores, status } = await renderStatusBar()
    act(() => stores.events.getState().edit({ ...stores.events.getState().draft!, label: 'Booked' }))
    expect(status()).toBe('Unsaved changes…')
  })

  it('confirms Save Now with "Saved" and its time for a moment, even with nothing left to save', async () => {
    const { stores, status } = await renderStatusBar()
    vi.setSystemTime(new Date('2026-11-28T10:06:00.000Z'))
    await act(() => flushEdits(stores))
    expect(status()).toBe(`Saved · ${time('2026-11-28T10:06:00.000Z')}`)
    await act(() => vi.advanceTimersByTimeAsync(savedFeedbackMs))
    expect(status()).toBe(`All changes saved · ${time('2026-11-28T10:06:00.000Z')}`)
  })

  it('does not confirm a Save Now that left a draft unsaved', async () => {
    const { stores, status } = await renderStatusBar()
    act(() => stores.events.getState().edit({ ...stores.events.getState().draft!, name: '' }))
    await act(() => flushEdits(stores))
    expect(status()).toBe('Not saved: fix the problems shown')
  })

  it('counts the events whose changes are kept unsaved elsewhere, and opens the first when clicked', async () => {
    const { stores, status } = await renderStatusBar()
    const kept = stores.events.getState().selectedId!
    await act(() => stores.events.getState().create(newCustomEventDraft(['new_event'])))
    const other = stores.events.getState().selectedId!
    await act(async () => {
      await stores.events.getState().select(kept)
      stores.events.getState().edit({ ...stores.events.getState().draft!, name: '' })
      await stores.events.getState().select(other)
    })
    expect(status()).toBe('1 event not saved')
    stores.navigation.getState().open('captures')

    const button = screen.getByRole('button', { name: '1 event not saved' })
    await act(async () => button.click())
    expect(stores.navigation.getState().screen).toBe('events')
    expect(stores.events.getState().selectedId).toBe(kept)
    // Back at the draft: the editor shows its problem, and the status bar says the open draft is not saved.
    expect(status()).toBe('Not saved: fix the problems shown')
  })

  it('says both the open draft and the events kept elsewhere are not saved', async () => {
    const { stores, status } = await renderStatusBar()
    await act(async () => {
      stores.events.getState().edit({ ...stores.events.getState().draft!, name: '' })
      await stores.events.getState().create(newCustomEventDraft(['new_event']))
      stores.events.getState().edit({ ...stores.events.getState().draft!, name: '' })
    })
    expect(status()).toBe('Not saved: fix the problems shown · 1 other event not saved')
  })
})
