import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fail, ok } from '../../../../shared/api/result'
import { Notifications } from '../../../../renderer/app/Notifications'
import { EventsScreen } from '../../../../renderer/features/events/EventsScreen'
import { newCustomEventDraft } from '../../../../renderer/features/events/newEventDraft'
import { fakeEventsApi } from '../../support/fakeApi'
import { renderInStudio } from '../../support/renderInStudio'
import { attributeTypes } from '../../../../shared/capillary/attributeTypes'
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
const descriptionField = () => screen.getByRole('textbox', { name: 'Description' }) as HTMLTextAreaElement

/** What a screen reader reads after a field's name: the texts its `aria-describedby` points at. */
const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`)
    .join(' ')

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

  it('says once, as a problem at the name field, why a name differing only in letter case is not saved', async () => {
    await renderEventsScreen(['be_reserved', 'hotel_checkout'])
    fireEvent.change(nameField(), { target: { value: 'BE_RESERVED' } })
    expect(screen.getAllByText(/differs only in letter case/).map((element) => element.textContent)).toEqual([
      'Another event is named "be_reserved", which differs only in letter case: a project takes such names as one, so this one is not saved. Pick a clearly different name.'
    ])
    expect(screen.getByRole('button', { name: '1 problem' })).toBeTruthy()
    expect(screen.queryByText('Valid for Capillary')).toBeNull()
    fireEvent.change(nameField(), { target: { value: 'be_reserved_late' } })
    expect(screen.queryByText(/differs only in letter case/)).toBeNull()
    expect(screen.getByText('Valid for Capillary')).toBeTruthy()
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

  it('marks an event whose changes are held unsaved in the list, open or kept, until they are fixed', async () => {
    await renderEventsScreen(['be_reserved', 'promo_viewed'])
    const list = screen.getByRole('listbox', { name: 'Events' })
    const row = (name: string) => within(list).getByText(name).closest('[role="option"]') as HTMLElement
    expect(within(list).queryByRole('img', { name: 'Not saved' })).toBeNull()

    fireEvent.change(nameField(), { target: { value: '' } })
    expect(within(row('promo_viewed')).getByRole('img', { name: 'Not saved' })).toBeTruthy()
    fireEvent.click(row('be_reserved'))
    expect(await screen.findByText(/Your changes to promo_viewed are kept but not saved/)).toBeTruthy()
    expect(within(row('promo_viewed')).getByRole('img', { name: 'Not saved' })).toBeTruthy()
    expect(within(row('be_reserved')).queryByRole('img', { name: 'Not saved' })).toBeNull()

    fireEvent.click(row('promo_viewed'))
    await waitFor(() => expect(nameField().value).toBe(''))
    fireEvent.change(nameField(), { target: { value: 'promo_viewed' } })
    await waitFor(() => expect(within(list).queryByRole('img', { name: 'Not saved' })).toBeNull())
  })

  it('says a description past its limit under the field in words, counts it as a problem, and does not send it', async () => {
    const { api } = await renderEventsScreen(['be_reserved'])
    fireEvent.change(descriptionField(), { target: { value: 'x'.repeat(3000) } })
    const message = 'Description: at most 2,000 characters (3,000 now).'
    expect(screen.getByText(message)).toBeTruthy()
    expect(descriptionField().getAttribute('aria-invalid')).toBe('true')
    expect(describedBy(descriptionField())).toBe(message)
    expect(screen.getByText('1 problem')).toBeTruthy()
    expect(screen.queryByText('Valid for Capillary')).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(api.updateEvent).not.toHaveBeenCalled()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByText(/Too big|draft\.description/)).toBeNull()

    fireEvent.change(descriptionField(), { target: { value: 'x'.repeat(2000) } })
    expect(screen.queryByText(message)).toBeNull()
    expect(screen.getByText('Valid for Capillary')).toBeTruthy()
    await waitFor(() => expect(api.updateEvent).toHaveBeenCalledTimes(1))
  })

  it('counts the characters of a text field near its limit, and only near it', async () => {
    await renderEventsScreen(['be_reserved'])
    fireEvent.change(descriptionField(), { target: { value: 'x'.repeat(1000) } })
    expect(screen.queryByText(/of 2,000 characters/)).toBeNull()
    expect(descriptionField().getAttribute('aria-describedby')).toBeNull()
    fireEvent.change(descriptionField(), { target: { value: 'x'.repeat(1700) } })
    expect(screen.getByText('1,700 of 2,000 characters')).toBeTruthy()
    expect(describedBy(descriptionField())).toBe('1,700 of 2,000 characters')
    fireEvent.change(nameField(), { target: { value: 'n'.repeat(190) } })
    expect(describedBy(nameField())).toBe('190 of 200 characters')
  })

  it('says an event name past its limit at the name, and keeps the whole name in the heading’s tooltip', async () => {
    await renderEventsScreen(['be_reserved'])
    const long = 'n'.repeat(300)
    fireEvent.change(nameField(), { target: { value: long } })
    expect(describedBy(nameField())).toBe('Event name: at most 200 characters (300 now).')
    expect(nameField().getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole('heading', { level: 1 }).getAttribute('title')).toBe(long)
    expect(screen.getByText('1 problem')).toBeTruthy()
  })

  it('says the limits of the label, the regex and the account ID at their fields', async () => {
    await renderEventsScreen(['be_reserved'])
    fireEvent.change(screen.getByRole('textbox', { name: 'Label' }), { target: { value: 'l'.repeat(201) } })
    expect(screen.getByText('Label: at most 200 characters (201 now).')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }))
    fireEvent.change(screen.getByLabelText('Attribute 2 name'), { target: { value: 'promo_code' } })
    const regex = screen.getByRole('textbox', { name: 'Regex (optional)' })
    fireEvent.change(regex, { target: { value: 'r'.repeat(1001) } })
    expect(describedBy(regex)).toContain('Attribute 2 regex: at most 1,000 characters (1,001 now).')
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'WECHAT' } })
    const account = screen.getByRole('textbox', { name: 'Account ID' })
    fireEvent.change(account, { target: { value: 'c'.repeat(101) } })
    expect(describedBy(account)).toBe('Attribute 1 account ID: at most 100 characters (101 now).')
    expect(screen.getByText('3 problems')).toBeTruthy()
  })

  it('says an attribute without a name at its own Name field, leaving the event name alone', async () => {
    await renderEventsScreen(['be_reserved'])
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }))
    const attributeName = screen.getByLabelText('Attribute 2 name')
    fireEvent.blur(attributeName)
    expect(attributeName.getAttribute('aria-invalid')).toBe('true')
    expect(describedBy(attributeName)).toMatch(/^Attribute name is empty/)
    expect(screen.getByRole('textbox', { name: 'Event name' })).toBe(nameField())
    expect(nameField().getAttribute('aria-invalid')).toBeNull()
    expect(nameField().getAttribute('aria-describedby')).toBeNull()
    expect(screen.queryByText(/Name attribute 2, or remove it/)).toBeNull()
  })

  it('goes to the first problem from the problem count, even one not marked yet (a new attribute not left)', async () => {
    await renderEventsScreen(['be_reserved'])
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }))
    nameField().focus()
    fireEvent.click(screen.getByRole('button', { name: '1 problem' }))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Attribute 2 name')))
  })

  it('shows the note of a type whose API encoding is undocumented once', async () => {
    await renderEventsScreen(['be_reserved'])
    fireEvent.click(screen.getByRole('button', { name: 'Add attribute' }))
    fireEvent.change(screen.getByLabelText('Attribute 2 name'), { target: { value: 'nights' } })
    fireEvent.change(screen.getByLabelText('Attribute 2 type'), { target: { value: 'integer' } })
    const row = screen.getByTestId('attribute-1')
    const note = attributeTypes.integer.note!
    expect(row.textContent?.split(note)).toHaveLength(2)
  })

  it('gives the focus to the list once an event is deleted, not to the page', async () => {
    await renderEventsScreen(['be_reserved', 'hotel_checkout'])
    const list = screen.getByRole('listbox', { name: 'Events' })
    fireEvent.click(within(list).getByRole('button', { name: 'Delete hotel_checkout' }))
    const confirm = await screen.findByRole('dialog', { name: 'Delete hotel_checkout?' })
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(within(list).queryByText('hotel_checkout')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(list))
    // Focus stays there once the dialog's own focus handling is done.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(document.activeElement).toBe(list)
  })

  it('gives a new event’s name field the focus, its text selected, so typing names it', async () => {
    await renderEventsScreen(['be_reserved'])
    fireEvent.click(screen.getAllByRole('button', { name: /New custom event/ })[0]!)
    const name = await screen.findByDisplayValue('new_event')
    await waitFor(() => expect(document.activeElement).toBe(name))
    const field = name as HTMLInputElement
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'new_event'.length])
  })

  it('gives the focus to the empty list’s first action once the last event is deleted', async () => {
    const { stores } = await renderEventsScreen(['be_reserved'])
    await act(() => stores.events.getState().load())
    fireEvent.click(screen.getByRole('button', { name: 'Delete be_reserved' }))
    const confirm = await screen.findByRole('dialog', { name: 'Delete be_reserved?' })
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }))
    await screen.findByText('No events yet.')
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getAllByRole('button', { name: /New custom event/ }).at(-1))
    )
  })
})
