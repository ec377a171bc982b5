import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { integration } from './fakeIntegrationsApi'
import { renderIntegrationsScreen } from './renderStudio'

const storefront = integration('we', { name: 'WebEngage storefront', slug: 'webengage' })
const booking = integration('bk', { name: 'Hotel booking app', slug: 'booking-app', kind: 'custom' })

describe('the integration list', () => {
  it('says what an integration is and how to add one when there is none', async () => {
    await renderIntegrationsScreen()
    expect(screen.getByText('No integrations yet.')).toBeTruthy()
    expect(screen.getByText(/An integration is an app that sends the brand’s events/)).toBeTruthy()
    fireEvent.click(screen.getAllByRole('button', { name: 'New integration' })[1]!)
    expect(await screen.findByRole('option', { name: /New integration/ })).toBeTruthy()
  })

  it('shows each integration with its kind and listener path', async () => {
    await renderIntegrationsScreen({ integrations: [storefront, booking] })
    const options = screen.getAllByRole('option')
    expect(options.map((option) => option.textContent)).toEqual([
      'Hotel booking app/hooks/booking-appCustom',
      'WebEngage storefront/hooks/webengageWebEngage'
    ])
  })

  it('moves the selection with the arrow keys', async () => {
    await renderIntegrationsScreen({ integrations: [storefront, booking] })
    const list = screen.getByRole('listbox', { name: 'Integrations' })
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    await screen.findByDisplayValue('Hotel booking app')
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    await screen.findByDisplayValue('WebEngage storefront')
    const storefrontOption = screen.getByRole('option', { name: /WebEngage storefront/ })
    expect(storefrontOption.getAttribute('aria-selected')).toBe('true')
    expect(storefrontOption.id).not.toBe('')
    expect(list.getAttribute('aria-activedescendant')).toBe(storefrontOption.id)
    fireEvent.keyDown(list, { key: 'ArrowUp' })
    await screen.findByDisplayValue('Hotel booking app')
  })

  it('offers "New Integration" as a palette command while the screen is shown', async () => {
    const { api, stores, view } = await renderIntegrationsScreen({ integrations: [storefront] })
    const command = stores.commands.getState().commands.find((candidate) => candidate.title === 'New Integration')
    expect(command?.category).toBe('Integrations')
    expect(stores.commands.getState().run('integrations.new')).toBe(true)
    await waitFor(() => expect(api.createIntegration).toHaveBeenCalledOnce())
    expect(await screen.findByDisplayValue('New integration')).toBeTruthy()
    view.unmount()
    expect(stores.commands.getState().commands.some((candidate) => candidate.id === 'integrations.new')).toBe(false)
  })

  it('opens the Capillary webhooks from the foot of the list', async () => {
    await renderIntegrationsScreen({ integrations: [storefront] })
    fireEvent.click(screen.getByRole('button', { name: 'Capillary webhooks' }))
    expect(await screen.findByRole('heading', { name: 'Capillary webhooks' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Capillary webhooks' }).getAttribute('aria-current')).toBe('page')
    fireEvent.click(screen.getByRole('option', { name: /WebEngage storefront/ }))
    expect(await screen.findByDisplayValue('WebEngage storefront')).toBeTruthy()
  })
})
