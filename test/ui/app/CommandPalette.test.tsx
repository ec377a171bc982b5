import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { CommandPalette } from '../../../renderer/app/CommandPalette'
import { createStudioStores, StudioProvider } from '../../../renderer/app/StudioContext'
import { createStudioApi } from '../../../renderer/api/client'

function renderPalette() {
  const stores = createStudioStores(createStudioApi({ call: vi.fn(), subscribe: vi.fn(() => () => undefined) }))
  const theme = vi.fn()
  const hidden = vi.fn()
  stores.commands.getState().register([
    { id: 'view.toggleTheme', title: 'Toggle Light/Dark Theme', category: 'View', shortcut: 'Mod+Alt+T', run: theme },
    { id: 'project.close', title: 'Close Project', category: 'Project', enabled: () => false, run: hidden }
  ])
  const onOpenChange = vi.fn()
  render(
    <StudioProvider stores={stores}>
      <CommandPalette open onOpenChange={onOpenChange} />
    </StudioProvider>
  )
  return { theme, hidden, onOpenChange }
}

describe('the command palette', () => {
  it('lists the enabled commands by category, with their shortcuts', () => {
    renderPalette()
    expect(screen.getByText('Toggle Light/Dark Theme')).toBeTruthy()
    expect(screen.getByText('Ctrl+Alt+T')).toBeTruthy()
    expect(screen.queryByText('Close Project')).toBeNull()
  })

  it('runs the chosen command and closes', () => {
    const { theme, onOpenChange } = renderPalette()
    fireEvent.click(screen.getByText('Toggle Light/Dark Theme'))
    expect(theme).toHaveBeenCalledOnce()
    expect(onOpenChange).toHaveBeenCalledWith(false)
  })

  it('says so when nothing matches the search', () => {
    renderPalette()
    fireEvent.change(screen.getByPlaceholderText('Type a command…'), { target: { value: 'zzzz' } })
    expect(screen.getByText('No command matches.')).toBeTruthy()
  })

  it('gives the focus back to where the user was when it closes', async () => {
    const stores = createStudioStores(createStudioApi({ call: vi.fn(), subscribe: vi.fn(() => () => undefined) }))
    function WithOpener() {
      const [open, setOpen] = useState(false)
      return (
        <StudioProvider stores={stores}>
          <input aria-label="Search captures" onKeyDown={(event) => event.key === 'F1' && setOpen(true)} />
          <CommandPalette open={open} onOpenChange={setOpen} />
        </StudioProvider>
      )
    }
    render(<WithOpener />)
    const search = screen.getByLabelText('Search captures')
    search.focus()
    fireEvent.keyDown(search, { key: 'F1' })
    await waitFor(() => expect(document.activeElement).toBe(screen.getByPlaceholderText('Type a command…')))
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' })
    await waitFor(() => expect(document.activeElement).toBe(search))
  })
})
