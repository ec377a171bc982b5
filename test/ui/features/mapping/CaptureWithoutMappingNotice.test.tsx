import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ok } from '../../../../shared/api/result'
import { CaptureWithoutMappingNotice } from '../../../../renderer/features/mapping/CaptureWithoutMappingNotice'
import { renderInStudio } from '../../support/renderInStudio'
import { customIntegration, shopProject } from './fakeMappingApi'

const project = shopProject

const integration = customIntegration

const shop = integration('shop', 'Shop Orders', 'shop-orders')
const notifications = integration('notes', 'Capillary notifications', 'capillary-notifications')

/** The notice for a capture of `integrationId`, in a project where only `notes` only captures. */
async function showNotice(
  capture: { captureId: string; integrationId: string; sourceEvent: string | null; path: string },
  otherMappings = 0
) {
  const onCreate = vi.fn()
  const listCaptureOnlyIntegrations = vi.fn(async () => ok(['notes']))
  const stores = await renderInStudio(
    {
      getProjectState: async () => ok({ project }),
      listIntegrations: async () => ok([shop, notifications]),
      listWebhookSettings: async () => ok([]),
      listCaptureOnlyIntegrations
    },
    <CaptureWithoutMappingNotice capture={{ ...capture, otherMappings }} onCreate={onCreate} />,
    async (prepared) => {
      await Promise.all([prepared.project.getState().refresh(), prepared.integrations.getState().load()])
    }
  )
  return { notice: await screen.findByTestId('capture-without-mapping'), onCreate, stores }
}

describe('the notice for a capture without a mapping', () => {
  it('says a capture-only integration only captures, and offers no mapping to create', async () => {
    const { notice } = await showNotice({
      captureId: '7',
      integrationId: 'notes',
      sourceEvent: 'pointsIssued',
      path: '/hooks/capillary-notifications'
    })
    within(notice).getByRole('heading', { name: 'Capillary notifications only captures' })
    expect(notice.textContent).toContain('Capture #7 (pointsIssued) came to /hooks/capillary-notifications.')
    expect(notice.textContent).toContain('it is never mapped and nothing it receives is relayed to Capillary')
    expect(within(notice).queryByRole('button', { name: /Create a mapping/ })).toBeNull()
    expect(
      within(notice)
        .getAllByRole('button')
        .map((button) => button.textContent?.trim())
    ).toEqual(['Back to capture #7'])
  })

  it('goes back to the capture in the Inbox', async () => {
    const { notice, stores } = await showNotice({
      captureId: '7',
      integrationId: 'notes',
      sourceEvent: 'pointsIssued',
      path: '/hooks/capillary-notifications'
    })
    fireEvent.click(within(notice).getByRole('button', { name: 'Back to capture #7' }))
    expect(stores.navigation.getState().screen).toBe('captures')
  })

  it('offers to create a mapping for an integration that is mapped as usual', async () => {
    const { notice, onCreate } = await showNotice({
      captureId: '8',
      integrationId: 'shop',
      sourceEvent: 'order_placed',
      path: '/hooks/shop-orders'
    })
    within(notice).getByRole('heading', { name: 'Shop Orders has no mapping yet' })
    fireEvent.click(within(notice).getByRole('button', { name: 'Create a mapping for Shop Orders' }))
    expect(onCreate).toHaveBeenCalledOnce()
  })

  it('says no mapping of the integration reads the capture’s source event, and offers to create one', async () => {
    const { notice, onCreate } = await showNotice(
      { captureId: '9', integrationId: 'shop', sourceEvent: 'order.completed', path: '/hooks/shop-orders' },
      2
    )
    within(notice).getByRole('heading', { name: 'No mapping of Shop Orders reads order.completed' })
    expect(notice.textContent).toContain(
      'Capture #9 (order.completed) came to /hooks/shop-orders; the 2 mappings of Shop Orders read other source events.'
    )
    fireEvent.click(within(notice).getByRole('button', { name: 'Create a mapping for Shop Orders' }))
    expect(onCreate).toHaveBeenCalledOnce()
  })

  it('says where the source event name was looked for when the capture has none', async () => {
    const { notice } = await showNotice(
      { captureId: '10', integrationId: 'shop', sourceEvent: null, path: '/hooks/shop-orders' },
      1
    )
    within(notice).getByRole('heading', { name: 'No mapping of Shop Orders reads this capture' })
    expect(notice.textContent).toContain(
      `Capture #10 came to /hooks/shop-orders with no source event name at ${shop.eventNameField}; the 1 mapping of Shop Orders reads named source events only.`
    )
  })
})
