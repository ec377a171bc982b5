import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createStudioApi } from '../../../renderer/api/client'
import { createStudioStores, type StudioStores } from '../../../renderer/app/StudioContext'
import { useLeaveGuard } from '../../../renderer/app/useLeaveGuard'
import type { EventDefinition } from '../../../shared/model/event'
import type { Integration } from '../../../shared/model/integration'

function Guard({ stores }: { stores: StudioStores }) {
  return <>{useLeaveGuard(stores)}</>
}

/** Studio stores whose open event has a change that cannot be saved (its name is taken). */
function storesWithUnsavedEvent(): StudioStores {
  const stores = createStudioStores(createStudioApi({ call: vi.fn(), subscribe: vi.fn(() => () => undefined) }))
  const event = { id: 'e1', name: 'be_reserved' } as EventDefinition
  stores.events.setState({ events: [event], selectedId: 'e1', saveState: 'invalid', draft: null })
  return stores
}

describe('the leave guard', () => {
  it('lets the project go at once when everything is saved', async () => {
    const stores = createStudioStores(createStudioApi({ call: vi.fn(), subscribe: vi.fn(() => () => undefined) }))
    render(<Guard stores={stores} />)
    await expect(stores.leave.getState().confirmLeave()).resolves.toBe(true)
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('asks before changes that cannot be saved are left behind, for every way of leaving, one question at a time', async () => {
    const stores = storesWithUnsavedEvent()
    render(<Guard stores={stores} />)
    let first: Promise<boolean> | undefined
    act(() => void (first = stores.leave.getState().confirmLeave()))
    const dialog = await screen.findByRole('dialog', { name: 'Leave without these changes?' })
    expect(dialog.textContent).toContain('Your changes to be_reserved are not saved')
    // Another way of leaving while the question is up (a menu, a file from the OS) does not leave.
    await expect(stores.leave.getState().confirmLeave()).resolves.toBe(false)
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await expect(first).resolves.toBe(false)
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    let second: Promise<boolean> | undefined
    act(() => void (second = stores.leave.getState().confirmLeave()))
    fireEvent.click(await screen.findByRole('button', { name: 'Leave and lose them' }))
    await expect(second).resolves.toBe(true)
  })

  it('has the browser ask before a reload while such changes wait', () => {
    const stores = storesWithUnsavedEvent()
    render(<Guard stores={stores} />)
    const unload = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(unload)
    expect(unload.defaultPrevented).toBe(true)
  })

  it('asks before capture rules changed and not saved are left behind, naming their integration', async () => {
    const stores = createStudioStores(createStudioApi({ call: vi.fn(), subscribe: vi.fn(() => () => undefined) }))
    stores.integrations.setState({ integrations: [{ id: 'i1', name: 'Hotel booking app' } as Integration] })
    stores.listenerSettings.getState().keepDraft('redaction:i1', { enabled: true })
    render(<Guard stores={stores} />)
    let leaving: Promise<boolean> | undefined
    act(() => void (leaving = stores.leave.getState().confirmLeave()))
    const dialog = await screen.findByRole('dialog', { name: 'Leave without these changes?' })
    expect(dialog.textContent).toContain(
      'The capture rules changed for Hotel booking app are not saved (they save with their button). Leaving loses them.'
    )
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await expect(leaving).resolves.toBe(false)
    // Saved (or back to what is saved), nothing is left to ask about.
    stores.listenerSettings.getState().keepDraft('redaction:i1', null)
    await expect(stores.leave.getState().confirmLeave()).resolves.toBe(true)
  })
})
