import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { autosaveDelayMs } from '../../../../renderer/app/autosave'
import { integration } from './fakeIntegrationsApi'
import { renderIntegrationsScreen } from './renderStudio'

const storefront = integration('we', {
  name: 'WebEngage storefront',
  slug: 'webengage',
  eventNameMap: [
    { sourceName: 'Added To Cart', eventName: 'ProductAddedToCart' },
    { sourceName: 'Product Added To Cart', eventName: 'ProductAddedToCart' }
  ]
})
const booking = integration('bk', { name: 'Hotel booking app', slug: 'booking-app', kind: 'custom' })
const eventNames = ['ProductAddedToCart', 'be_reserved']

const open = async (name: string) => {
  const rendered = await renderIntegrationsScreen({ integrations: [storefront, booking], eventNames })
  fireEvent.click(screen.getByRole('option', { name: new RegExp(name) }))
  await screen.findByDisplayValue(name)
  return rendered
}

describe('the integration editor', () => {
  it('suggests the slug from the name while the integration is new', async () => {
    await renderIntegrationsScreen({ integrations: [storefront], eventNames })
    fireEvent.click(screen.getByRole('button', { name: 'New integration' }))
    const name = await screen.findByDisplayValue('New integration')
    expect((screen.getByLabelText('Slug') as HTMLInputElement).value).toBe('new-integration')
    fireEvent.change(name, { target: { value: 'WebEngage (EU)' } })
    expect((screen.getByLabelText('Slug') as HTMLInputElement).value).toBe('webengage-eu')
    expect(screen.getByLabelText('Local listener path').textContent).toBe('/hooks/webengage-eu')
    expect(screen.queryByText(/Senders must be reconfigured/)).toBeNull()
  })

  it('gives the whole listener URL to paste into the sender while the studio listens', async () => {
    const { stores } = await open('Hotel booking app')
    act(() =>
      stores.listener.getState().receive({
        state: 'listening',
        host: '127.0.0.1',
        port: 4891,
        url: 'http://127.0.0.1:4891/',
        message: null,
        warning: null
      })
    )
    expect(screen.getByLabelText('Local listener URL').textContent).toBe('http://127.0.0.1:4891/hooks/booking-app')
    expect(screen.getByRole('button', { name: 'Copy listener URL' })).toBeTruthy()
  })

  it('keeps the slug when an existing integration is renamed', async () => {
    await open('WebEngage storefront')
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'WebEngage (EU)' } })
    expect((screen.getByLabelText('Slug') as HTMLInputElement).value).toBe('webengage')
  })

  it('warns that senders must be reconfigured when the slug of an existing integration is edited', async () => {
    await open('WebEngage storefront')
    fireEvent.change(screen.getByLabelText('Slug'), { target: { value: 'webengage-eu' } })
    const warning = screen.getByText(/Senders must be reconfigured/)
    expect(warning.textContent).toContain('from /hooks/webengage to /hooks/webengage-eu')
    expect(warning.className).toBe('field-warning')
    expect(screen.getByLabelText('Slug').getAttribute('aria-describedby')).toBe(warning.parentElement?.id)
  })

  it('shows why a slug cannot be used at the slug field, and does not save it', async () => {
    const { api } = await open('WebEngage storefront')
    fireEvent.change(screen.getByLabelText('Slug'), { target: { value: 'booking-app' } })
    expect(screen.getByText('Another integration already uses the slug booking-app.').className).toBe('field-error')
    fireEvent.change(screen.getByLabelText('Slug'), { target: { value: 'Web Engage' } })
    expect(screen.getByLabelText('Slug').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText(/Use lower-case letters and digits/)).toBeTruthy()
    expect(screen.getByTestId('integration-save').textContent).toMatch(/Not saved: 1 problem/)
    expect(api.updateIntegration).not.toHaveBeenCalled()
  })

  it("keeps the listener path at the saved slug while the slug typed is another integration's", async () => {
    await open('WebEngage storefront')
    fireEvent.change(screen.getByLabelText('Slug'), { target: { value: 'booking-app' } })
    expect(screen.getByLabelText('Local listener path').textContent).toBe('/hooks/webengage')
    fireEvent.change(screen.getByLabelText('Slug'), { target: { value: 'webengage-eu' } })
    expect(screen.getByLabelText('Local listener path').textContent).toBe('/hooks/webengage-eu')
  })

  it('offers the capture rules of an integration just created, which the signing note points to', async () => {
    await renderIntegrationsScreen({ integrations: [storefront], eventNames })
    fireEvent.click(screen.getByRole('button', { name: 'New integration' }))
    await screen.findByDisplayValue('New integration')
    expect(screen.getByRole('heading', { name: 'Capture rules' })).toBeTruthy()
  })

  it('refuses the name of another integration at the name field, whatever its case and spaces', async () => {
    const { api } = await open('WebEngage storefront')
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '  hotel   Booking app ' } })
    expect(screen.getByText(/Another integration is already named "Hotel booking app"/).className).toBe('field-error')
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByTestId('integration-save').textContent).toMatch(/Not saved: 1 problem/)
    // Past the autosave's delay: nothing was sent.
    await new Promise((resolve) => setTimeout(resolve, autosaveDelayMs * 2))
    expect(api.updateIntegration).not.toHaveBeenCalled()
  })

  it('flags a repeated source event name at its row, and only there', async () => {
    await open('WebEngage storefront')
    fireEvent.change(screen.getByLabelText('Source event name, row 2'), { target: { value: 'Added To Cart' } })
    const repeated = within(screen.getByTestId('map-row-1')).getByText(/already mapped in row 1/)
    expect(repeated.className).toBe('field-error')
    expect(screen.getByLabelText('Source event name, row 2').getAttribute('aria-invalid')).toBe('true')
    expect(within(screen.getByTestId('map-row-0')).queryByText(/already mapped/)).toBeNull()
  })

  it('maps several source names to one event, chosen from the project’s events, and saves the map', async () => {
    const { api } = await open('Hotel booking app')
    fireEvent.click(screen.getByRole('button', { name: 'Add source name' }))
    fireEvent.change(screen.getByLabelText('Source event name, row 1'), { target: { value: 'room_reserved' } })
    const event = screen.getByLabelText('Capillary event, row 1') as HTMLSelectElement
    expect([...event.options].map((option) => option.value)).toEqual(['', 'ProductAddedToCart', 'be_reserved'])
    fireEvent.change(event, { target: { value: 'be_reserved' } })
    await waitFor(() => expect(screen.getByTestId('integration-save').textContent).toBe('All changes saved'))
    expect(api.updateIntegration).toHaveBeenLastCalledWith({
      id: 'bk',
      draft: expect.objectContaining({ eventNameMap: [{ sourceName: 'room_reserved', eventName: 'be_reserved' }] })
    })
  })

  it('puts the focus in a source name row just added, and keeps its problems until the user leaves it', async () => {
    await open('Hotel booking app')
    fireEvent.click(screen.getByRole('button', { name: 'Add source name' }))
    const source = screen.getByLabelText('Source event name, row 1')
    await waitFor(() => expect(document.activeElement).toBe(source))
    expect(source.getAttribute('aria-invalid')).toBeNull()
    expect(document.getElementById('map-source-issues-0')).toBeNull()
    fireEvent.blur(source)
    expect(source.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById('map-source-issues-0')?.textContent).not.toBe('')
  })

  it('says that changing the kind changes the transformer and webhook the integration uses', async () => {
    await open('WebEngage storefront')
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'custom' } })
    expect(screen.getByText(/Changing the kind moves this integration/).textContent).toContain(
      'from the WebEngage transformer to the Default transformer (Custom)'
    )
    expect((screen.getByLabelText('Source account') as HTMLSelectElement).value).toBe('INSTORE')
  })

  it('deletes the integration only once the dialog is confirmed', async () => {
    const { api } = await open('Hotel booking app')
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete Hotel booking app?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(api.deleteIntegration).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(screen.queryByRole('option', { name: /Hotel booking app/ })).toBeNull())
    expect(api.deleteIntegration).toHaveBeenCalledWith({ id: 'bk' })
  })

  it('disables editing in a read-only project', async () => {
    await renderIntegrationsScreen({ integrations: [storefront], eventNames, readOnly: true })
    fireEvent.click(screen.getByRole('option', { name: /WebEngage storefront/ }))
    expect((await screen.findByLabelText('Name')).closest('fieldset')?.disabled).toBe(true)
    expect((screen.getByRole('button', { name: 'Delete' }) as HTMLButtonElement).disabled).toBe(true)
    expect((screen.getByRole('button', { name: 'Add source name' }) as HTMLButtonElement).disabled).toBe(true)
    expect((screen.getByRole('button', { name: 'New integration' }) as HTMLButtonElement).disabled).toBe(true)
  })
})
