import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ok } from '../../../shared/api/result'
import { App } from '../../../renderer/app/App'
import { CommandPalette } from '../../../renderer/app/CommandPalette'
import { createStudioStores, StudioProvider } from '../../../renderer/app/StudioContext'
import { createStudioApi } from '../../../renderer/api/client'
import { fakeEventsApi } from '../support/fakeApi'
import { studioStoresOver } from '../support/renderInStudio'

function renderPalette() {
  const stores = createStudioStores(createStudioApi({ call: vi.fn(), subscribe: vi.fn(() => () => undefined) }))
  const theme = vi.fn()
  const hidden = vi.fn()
  stores.commands.getState().register([
    { id: 'view.toggleTheme', title: 'Toggle Light/Dark Theme', category: 'View', shortcut: 'Mod+Alt+T', run: theme },
    { id: 'project.close', title: 'Close Project', category: 'Project', enabled: () => false, run: hidden }
  ])
  const onOpenChange = vi.fn()
  function OpenPalette() {
    const [open, setOpen] = useState(true)
    return (
      <CommandPalette
        open={open}
        onOpenChange={(next) => {
          onOpenChange(next)
          setOpen(next)
        }}
      />
    )
  }
  render(
    <StudioProvider stores={stores}>
      <OpenPalette />
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

  it('closes, then runs the chosen command', async () => {
    const { theme, onOpenChange } = renderPalette()
    fireEvent.click(screen.getByText('Toggle Light/Dark Theme'))
    expect(onOpenChange).toHaveBeenCalledWith(false)
    await waitFor(() => expect(theme).toHaveBeenCalledOnce())
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

  it('leaves the focus where the chosen command put it: Search Captures, in the search box', async () => {
    const stores = createStudioStores(createStudioApi({ call: vi.fn(), subscribe: vi.fn(() => () => undefined) }))
    const searchBox = () => screen.getByLabelText('Search captures')
    stores.commands
      .getState()
      .register([
        { id: 'captures.focusSearch', title: 'Search Captures', category: 'Inbox', run: () => searchBox().focus() }
      ])
    function WithOpener() {
      const [open, setOpen] = useState(false)
      return (
        <StudioProvider stores={stores}>
          <button type="button" onKeyDown={(event) => event.key === 'F1' && setOpen(true)}>
            Capture 7
          </button>
          <input aria-label="Search captures" />
          <CommandPalette open={open} onOpenChange={setOpen} />
        </StudioProvider>
      )
    }
    render(<WithOpener />)
    const opener = screen.getByRole('button', { name: 'Capture 7' })
    opener.focus()
    fireEvent.keyDown(opener, { key: 'F1' })
    fireEvent.click(await screen.findByText('Search Captures'))
    await waitFor(() => expect(document.activeElement).toBe(searchBox()))
    // Still there once the palette's own focus handling on closing is done.
    await new Promise((settle) => setTimeout(settle, 100))
    expect(document.activeElement).toBe(searchBox())
  })
})

/** The whole studio with a project open on the Events screen: the palette holds the studio's own commands. */
async function renderStudio() {
  const events = fakeEventsApi()
  const stores = studioStoresOver({
    ...events,
    getAppInfo: async () => ok({ mode: 'web' }),
    getProjectState: async () =>
      ok({ project: { path: '/tmp/Shop.capmap', name: 'Shop', readOnly: false, schemaVersion: 9, lastSavedAt: null } }),
    listRecentProjects: async () => ok([])
  })
  render(
    <StudioProvider stores={stores}>
      <App />
    </StudioProvider>
  )
  await waitFor(() => expect(stores.project.getState().project?.name).toBe('Shop'))
  await act(async () => undefined)
  return { stores, events }
}

/** Ctrl+Shift+P, the query typed, Enter. */
async function runFromPalette(query: string) {
  fireEvent.keyDown(window, { key: 'P', ctrlKey: true, shiftKey: true })
  const input = await screen.findByPlaceholderText('Type a command…')
  fireEvent.change(input, { target: { value: query } })
  const highlighted = await waitFor(() => {
    const option = screen.getAllByRole('option').find((candidate) => candidate.getAttribute('aria-selected') === 'true')
    expect(option).toBeTruthy()
    return option!
  })
  const firstOption = screen.getAllByRole('option')[0]
  fireEvent.keyDown(input, { key: 'Enter' })
  return { highlighted: highlighted.textContent, first: firstOption?.textContent }
}

describe('searching the studio’s commands', () => {
  it('highlights the best match first, and Enter runs it: "tests" shows the Tests screen', async () => {
    const { stores, events } = await renderStudio()
    const { highlighted, first } = await runFromPalette('tests')
    expect(highlighted).toBe('View: Show TestsCtrl+5')
    expect(first).toBe(highlighted)
    await waitFor(() => expect(stores.navigation.getState().screen).toBe('tests'))
    expect(events.createEvent).not.toHaveBeenCalled()
  })

  it('lists the matches flat, a title that starts with the query above one that only ends with it', async () => {
    await renderStudio()
    fireEvent.keyDown(window, { key: 'P', ctrlKey: true, shiftKey: true })
    fireEvent.change(await screen.findByPlaceholderText('Type a command…'), { target: { value: 'theme' } })
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
        'View: Theme: Follow the System',
        'View: Toggle Light/Dark ThemeCtrl+Alt+T'
      ])
    )
  })

  it('runs nothing for "undo" while there is nothing to undo, rather than a command that merely holds its letters', async () => {
    await renderStudio()
    fireEvent.keyDown(window, { key: 'P', ctrlKey: true, shiftKey: true })
    const input = await screen.findByPlaceholderText('Type a command…')
    fireEvent.change(input, { target: { value: 'undo' } })
    await screen.findByText('No command matches.')
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(screen.queryByRole('dialog', { name: 'Export bundle' })).toBeNull()
  })

  it('runs Undo for "undo" when there is something to undo', async () => {
    const { stores } = await renderStudio()
    const undo = vi.fn()
    stores.commands
      .getState()
      .register([
        { id: 'edit.undo', title: 'Undo', category: 'Edit', shortcut: 'Mod+Z', enabled: () => true, run: undo }
      ])
    const { highlighted } = await runFromPalette('undo')
    expect(highlighted).toBe('Edit: UndoCtrl+Z')
    await waitFor(() => expect(undo).toHaveBeenCalledOnce())
    expect(screen.queryByRole('dialog', { name: 'Export bundle' })).toBeNull()
  })

  it('shows the commands in their groups again once the search is cleared', async () => {
    await renderStudio()
    fireEvent.keyDown(window, { key: 'P', ctrlKey: true, shiftKey: true })
    const input = await screen.findByPlaceholderText('Type a command…')
    fireEvent.change(input, { target: { value: 'tests' } })
    await waitFor(() => expect(screen.queryByText('View', { selector: '[cmdk-group-heading]' })).toBeNull())
    fireEvent.change(input, { target: { value: '' } })
    await screen.findByText('View', { selector: '[cmdk-group-heading]' })
    expect(screen.getByText('Show Tests')).toBeTruthy()
  })
})
