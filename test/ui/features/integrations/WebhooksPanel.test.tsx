import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { integration } from './fakeIntegrationsApi'
import { renderIntegrationsScreen } from './renderStudio'

const storefront = integration('we', { name: 'WebEngage storefront', slug: 'webengage' })
const outlet = integration('ou', { name: 'Outlet WebEngage', slug: 'outlet' })
const booking = integration('bk', { name: 'Hotel booking app', slug: 'booking-app', kind: 'custom' })

const openWebhooks = async () => {
  const rendered = await renderIntegrationsScreen({ integrations: [storefront, outlet, booking] })
  fireEvent.click(screen.getByRole('button', { name: 'Capillary webhooks' }))
  await screen.findByRole('heading', { name: 'Capillary webhooks' })
  return rendered
}
const card = (name: string) => screen.getByRole('article', { name })

describe('the Capillary webhooks panel', () => {
  it('has one card per transformer, saying which integrations share it', async () => {
    await openWebhooks()
    expect(within(card('WebEngage transformer')).getByText(/Shared by 2 integrations/).textContent).toBe(
      'Shared by 2 integrations: Outlet WebEngage, WebEngage storefront.'
    )
    expect(within(card('Default transformer (Custom)')).getByText(/Shared by one integration/).textContent).toBe(
      'Shared by one integration: Hotel booking app.'
    )
  })

  it("saves the webhook's till code and auth", async () => {
    const { api } = await openWebhooks()
    const webEngage = within(card('WebEngage transformer'))
    expect(webEngage.getByText('Capillary needs a till code to create the webhook.')).toBeTruthy()
    fireEvent.change(webEngage.getByLabelText('Till code'), { target: { value: 'demo.till1' } })
    fireEvent.change(webEngage.getByLabelText('Authentication'), { target: { value: 'BASIC' } })
    await waitFor(() => expect(webEngage.getByRole('status').textContent).toBe('Saved'))
    expect(api.saveWebhookSettings).toHaveBeenLastCalledWith({
      settings: {
        transformer: 'webEngageTransformer',
        tillCode: 'demo.till1',
        auth: 'BASIC',
        uniquenessCheckEnabled: false
      }
    })
  })

  it('asks before turning the irreversible uniqueness check on', async () => {
    const { api } = await openWebhooks()
    const checkbox = within(card('Default transformer (Custom)')).getByLabelText('Uniqueness check') as HTMLInputElement
    fireEvent.click(checkbox)
    const dialog = screen.getByRole('dialog', { name: 'Turn on the uniqueness check?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(checkbox.checked).toBe(false)
    expect(api.saveWebhookSettings).not.toHaveBeenCalled()
    fireEvent.click(checkbox)
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Turn on for good' }))
    await waitFor(() => expect(api.saveWebhookSettings).toHaveBeenCalledOnce())
    expect(checkbox.checked).toBe(true)
  })

  it('shows the refusal at the field when the uniqueness check is turned off, and keeps it on', async () => {
    const { stores } = await openWebhooks()
    const checkbox = within(card('WebEngage transformer')).getByLabelText('Uniqueness check') as HTMLInputElement
    fireEvent.click(checkbox)
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Turn on for good' }))
    await waitFor(() => expect(checkbox.checked).toBe(true))
    fireEvent.click(checkbox)
    const refusal = await within(card('WebEngage transformer')).findByText(/cannot be turned off once enabled/)
    expect(refusal.className).toBe('field-error')
    expect(checkbox.checked).toBe(true)
    expect(stores.notifications.getState().items.map((item) => item.message)).toEqual([refusal.textContent])
  })
})
