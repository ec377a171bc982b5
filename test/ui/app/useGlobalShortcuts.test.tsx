import { fireEvent, render } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { createStudioApi } from '../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../renderer/app/StudioContext'
import { useGlobalShortcuts } from '../../../renderer/app/useGlobalShortcuts'

function Shortcuts() {
  useGlobalShortcuts(() => undefined)
  return null
}

describe('useGlobalShortcuts', () => {
  it('runs the first command of a shortcut that can run: a disabled launcher ahead of its screen’s command', () => {
    const stores = createStudioStores(createStudioApi({ call: vi.fn(), subscribe: vi.fn(() => () => undefined) }))
    const launcher = vi.fn()
    const screenCommand = vi.fn()
    render(
      <StudioProvider stores={stores}>
        <Shortcuts />
      </StudioProvider>
    )
    // As after leaving the Events screen and coming back: the launcher was registered first.
    stores.commands.getState().register([
      {
        id: 'launch.events.newCustom',
        title: 'New Custom Event',
        category: 'Events',
        shortcut: 'Mod+Alt+E',
        enabled: () => false,
        run: launcher
      }
    ])
    stores.commands.getState().register([
      {
        id: 'events.newCustom',
        title: 'New Custom Event',
        category: 'Events',
        shortcut: 'Mod+Alt+E',
        run: screenCommand
      }
    ])
    fireEvent.keyDown(window, { key: 'e', ctrlKey: true, altKey: true })
    expect(screenCommand).toHaveBeenCalledTimes(1)
    expect(launcher).not.toHaveBeenCalled()
  })

  it('keeps the browser’s own Undo off a field the user has left, and lets a field undo its own text', () => {
    const stores = createStudioStores(createStudioApi({ call: vi.fn(), subscribe: vi.fn(() => () => undefined) }))
    const { getByRole } = render(
      <StudioProvider stores={stores}>
        <Shortcuts />
        <input aria-label="Search" />
        <div role="listbox" aria-label="Captures" tabIndex={0} />
      </StudioProvider>
    )
    const list = getByRole('listbox')
    list.focus()
    for (const chord of [{ ctrlKey: true }, { ctrlKey: true, shiftKey: true }]) {
      expect(fireEvent.keyDown(list, { key: 'z', ...chord })).toBe(false)
    }
    expect(fireEvent.keyDown(list, { key: 'y', ctrlKey: true })).toBe(false)
    const search = getByRole('textbox', { name: 'Search' })
    search.focus()
    expect(fireEvent.keyDown(search, { key: 'z', ctrlKey: true })).toBe(true)
  })
})
