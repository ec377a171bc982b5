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
async function showNotice(capture: { captureId: string; integrationId: string; sourceEvent: string; path: string }) {
  const onCreate = vi.fn()
  const listCaptureOnlyIntegrations = vi.fn(async () => ok(['notes']))
  const stores = await renderInStudio(
    {
      getProjectState: async () => ok({ project }),
      listIntegrations: async () => ok([shop, notifications]),
      listWebhookSettings: async () => ok([]),
      listCaptureOnlyIntegrations
    },
    <CaptureWithoutMappingNotice capture={capture} onCreate={onCreate} />,
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
})
