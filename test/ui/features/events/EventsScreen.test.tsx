import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fail, ok } from '../../../../shared/api/result'
import { Notifications } from '../../../../renderer/app/Notifications'
import { EventsScreen } from '../../../../renderer/features/events/EventsScreen'
import { newCustomEventDraft } from '../../../../renderer/features/events/newEventDraft'
import { fakeEventsApi } from '../../support/fakeApi'
import { renderInStudio } from '../../support/renderInStudio'
import { standardEvents } from '../../../../shared/capillary/standardEvents'

const longName = 'hotel_checkout_completed_with_late_fee_and_minibar_charges'

/** The Events screen inside the studio's real stores, over a transport answered by the in-memory events fake. */
async function renderEventsScreen(names: string[]) {
  const api = fakeEventsApi()
  const stores = await renderInStudio(
    {
      ...api,
      getProjectState: async () =>
        ok({
          project: { path: '/tmp/Shop.capmap', name: 'Shop', readOnly: false, schemaVersion: 4, lastSavedAt: null }
        }),
      listRecentProjects: async () => ok([])
    },
    <>
      <EventsScreen />
      <Notifications />
    </>,
    async (prepared) => {
      await prepared.project.getState().refresh()
      for (const name of names) await prepared.events.getState().create({ ...newCustomEventDraft([]), name })
    }
  )
  return { api, stores }
}

const nameField = () => screen.getByRole('textbox', { name: /^Event name/ }) as HTMLInputElement

describe('EventsScreen', () => {
  it('shows a long event name whole in its tooltip, with room kept for the row actions', async () => {
    await renderEventsScreen([longName])
    const list = screen.getByRole('listbox', { name: 'Events' })
    const title = within(list).getByText(longName)
    expect(title.getAttribute('title')).toBe(longName)
    expect(title.closest('section')?.className).toContain('event-list')
  })

  it('counts attributes in the right number', async () => {
    await renderEventsScreen(['be_reserved'])
    const list = screen.getByRole('listbox', { name: 'Events' })
    expect(within(list).getByText('Custom · 1 attribute')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }))
    // A new attribute is saved once it has a name.
    fireEvent.change(screen.getByLabelText('Attribute 2 name'), { target: { value: 'nights' } })
    await waitFor(() => expect(within(list).getByText('Custom · 2 attributes')).toBeTruthy())
  })

  it('says a name problem at the field only, and the message goes as soon as the name is fixed', async () => {
    const { api } = await renderEventsScreen(['be_reserved', 'hotel_checkout'])
    fireEvent.change(nameField(), { target: { value: '' } })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(screen.getByText(/Event name is empty/)).toBeTruthy()
    fireEvent.change(nameField(), { target: { value: 'be_reserved' } })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(screen.getByText(/already named "be_reserved"/)).toBeTruthy()
    expect(api.updateEvent).not.toHaveBeenCalled()
    expect(screen.queryByRole('alert')).toBeNull()

    fireEvent.change(nameField(), { target: { value: 'hotel_checkout_v2' } })
    expect(screen.queryByText(/Event name is empty/)).toBeNull()
    expect(screen.queryByText(/already named/)).toBeNull()
    await waitFor(() => expect(api.updateEvent).toHaveBeenCalledTimes(1))
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says at the name field why a name differing only in letter case is not saved', async () => {
    await renderEventsScreen(['be_reserved', 'hotel_checkout'])
    fireEvent.change(nameField(), { target: { value: 'BE_RESERVED' } })
    expect(
      screen.getByText('Not saved: An event named be_reserved already exists: event names are unique.')
    ).toBeTruthy()
    fireEvent.change(nameField(), { target: { value: 'be_reserved_late' } })
    expect(screen.queryByText(/Not saved/)).toBeNull()
  })

  it('shows a save main refused in the editor until a save succeeds', async () => {
    const { api } = await renderEventsScreen(['be_reserved'])
    api.updateEvent.mockResolvedValueOnce(fail('conflict', 'be_reserved is published: its name cannot change.'))
    fireEvent.change(nameField(), { target: { value: 'be_booked' } })
    const banner = await screen.findByRole('alert', undefined, { timeout: 2000 })
    expect(banner.textContent).toContain('Not saved: be_reserved is published: its name cannot change.')
    expect(banner.closest('.notifications')).toBeNull()
    fireEvent.change(nameField(), { target: { value: 'be_booked_2' } })
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
  })

  it('closes the standard-event library with Cancel or Escape, adding nothing', async () => {
    const { api } = await renderEventsScreen(['be_reserved'])
    fireEvent.click(screen.getByRole('button', { name: 'Add a standard event from the library' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add a standard event' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    fireEvent.click(screen.getByRole('button', { name: 'Add a standard event from the library' }))
    await screen.findByRole('dialog', { name: 'Add a standard event' })
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.addStandardEvent).not.toHaveBeenCalled()
  })

  it('lists the standard events by category and name, and finds them by any word of the three', async () => {
    await renderEventsScreen(['be_reserved'])
    fireEvent.click(screen.getByRole('button', { name: 'Add a standard event from the library' }))
    const dialog = await screen.findByRole('dialog', { name: 'Add a standard event' })
    const names = () =>
      within(dialog)
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.list-item-title')?.textContent)
    const all = names()
    const expected = [...standardEvents]
      .sort((a, b) => a.category.localeCompare(b.category) || a.name.localeCompare(b.name))
      .map((event) => event.name)
    expect(all).toEqual(expected)
    const search = within(dialog).getByRole('searchbox', { name: 'Search the standard events' })
    expect(document.activeElement).toBe(search)
    fireEvent.change(search, { target: { value: 'coupon' } })
    expect(names().length).toBeGreaterThan(0)
    expect(
      names().every((name) =>
        /coupon/i.test(
          `${name} ${standardEvents.find((event) => event.name === name)?.category} ${standardEvents.find((event) => event.name === name)?.webEngageEventName}`
        )
      )
    ).toBe(true)
    fireEvent.change(search, { target: { value: 'no such thing' } })
    expect(within(dialog).getByText('No standard event matches no such thing.')).toBeTruthy()
  })

  it('undoes a delete from the banner: the event comes back selected, and the banner goes', async () => {
    const { api } = await renderEventsScreen(['be_reserved', 'hotel_checkout'])
    const list = screen.getByRole('listbox', { name: 'Events' })
    fireEvent.click(within(list).getByRole('button', { name: 'Delete hotel_checkout' }))
    const confirm = await screen.findByRole('dialog', { name: 'Delete hotel_checkout?' })
    expect(confirm.textContent).toContain('You can undo this for ten minutes.')
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.getByText('Deleted hotel_checkout.').closest('[role="status"]')).toBeTruthy())
    expect(within(list).queryByText('hotel_checkout')).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(api.restoreEvent).toHaveBeenCalledWith({ undoId: 'undo-e2' }))
    await waitFor(() => expect(within(list).getByText('hotel_checkout')).toBeTruthy())
    expect(nameField().value).toBe('hotel_checkout')
    expect(screen.queryByText('Deleted hotel_checkout.')).toBeNull()
    expect(await screen.findByText('Restored hotel_checkout.')).toBeTruthy()
  })

  it("undoes a delete with Undo (Ctrl+Z) when no event is open, and the open event's edits otherwise", async () => {
    const { api, stores } = await renderEventsScreen(['be_reserved', 'hotel_checkout'])
    const list = screen.getByRole('listbox', { name: 'Events' })
    fireEvent.click(within(list).getByRole('button', { name: 'Delete hotel_checkout' }))
    const confirm = await screen.findByRole('dialog', { name: 'Delete hotel_checkout?' })
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(stores.events.getState().lastDeletion).not.toBeNull())
    expect(stores.events.getState().selectedId).toBeNull()

    // Typing in the search box, Ctrl+Z is the text's own undo.
    const undo = () => stores.commands.getState().commands.find((command) => command.id === 'edit.undo')
    screen.getByRole('searchbox', { name: 'Search events' }).focus()
    expect(undo()?.enabled?.()).toBe(false)
    ;(document.activeElement as HTMLElement).blur()
    expect(undo()?.enabled?.()).toBe(true)
    await stores.commands.getState().run('edit.undo')
    await waitFor(() => expect(api.restoreEvent).toHaveBeenCalledWith({ undoId: 'undo-e2' }))
    await waitFor(() => expect(nameField().value).toBe('hotel_checkout'))
    // An event is open now: Undo is about its edits, and it has none.
    expect(
      stores.commands
        .getState()
        .commands.find((command) => command.id === 'edit.undo')
        ?.enabled?.()
    ).toBe(false)
  })
})
