import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { ReactElement } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ok } from '../../../../shared/api/result'
import type { Mapping } from '../../../../shared/model/mapping'
import { MappingScreen } from '../../../../renderer/features/mapping/MappingScreen'
import { NewMappingDialog } from '../../../../renderer/features/mapping/NewMappingDialog'
import { renderInStudio } from '../../support/renderInStudio'
import { projectEvent } from '../integrations/renderStudio'
import { capture, customIntegration, fakeMappingApi, shopProject } from './fakeMappingApi'

const now = '2026-11-28T00:00:00.000Z'

const project = shopProject

const event = projectEvent

const integration = customIntegration

const hotel = integration('hotel', 'Hotel booking app', 'booking-app')
const shop = integration('shop', 'Shop Orders', 'shop-orders', [{ sourceName: 'order_placed', eventName: 'order' }])

/** The sample's one mapping: the one the designer used to open, silently, for any capture without its own. */
const reserved: Mapping = {
  id: 'm-reserved',
  integrationId: 'hotel',
  eventId: 'e-reserved',
  match: { kind: 'integration' },
  fanOut: null,
  rules: [],
  createdAt: now,
  updatedAt: now
}

const order = { ...capture('41', 'shop', 'order_placed', { event_name: 'order_placed' }), path: '/hooks/shop-orders' }
const stray = {
  ...capture('42', 'none', 'x', { a: 1 }),
  integrationId: null,
  integration: null,
  sourceEvent: null,
  path: '/hooks/unknown-thing'
}

/** The studio's stores over fakes, loaded, with the user sent to the designer with `captureId`; `ui` rendered. */
async function openCaptureIn(ui: ReactElement, captureId: string) {
  const api = fakeMappingApi([reserved], [order, stray])
  const stores = await renderInStudio(
    {
      ...api,
      getProjectState: async () => ok({ project }),
      listRecentProjects: async () => ok([]),
      listEvents: async () => ok([event('e-reserved', 'be_reserved'), event('e-order', 'order')]),
      listIntegrations: async () => ok([hotel, shop]),
      listWebhookSettings: async () => ok([])
    },
    ui,
    async (prepared) => {
      await Promise.all([
        prepared.project.getState().refresh(),
        prepared.events.getState().load(),
        prepared.integrations.getState().load(),
        prepared.mapping.getState().load()
      ])
      prepared.navigation.getState().open('mapping', { with: { captureId } })
    }
  )
  return { api, stores }
}

describe('MappingScreen, opened on a capture', () => {
  it('says the capture’s integration has no mapping yet, instead of opening another one', async () => {
    const { stores } = await openCaptureIn(<MappingScreen />, '41')
    const notice = await screen.findByTestId('capture-without-mapping')
    within(notice).getByRole('heading', { name: 'Shop Orders has no mapping yet' })
    expect(notice.textContent).toContain('Capture #41 (order_placed) came to /hooks/shop-orders')
    expect(within(notice).getByRole('button', { name: 'Create a mapping for Shop Orders' })).toBeTruthy()
    expect(stores.mapping.getState().selectedId).toBeNull()
    expect(screen.queryByRole('region', { name: 'Live preview' })).toBeNull()
  })

  it('offers to create it: the new-mapping dialog opens for that integration', async () => {
    await openCaptureIn(<MappingScreen />, '41')
    const notice = await screen.findByTestId('capture-without-mapping')
    fireEvent.click(within(notice).getByRole('button', { name: 'Create a mapping for Shop Orders' }))
    const dialog = await screen.findByRole('dialog', { name: 'New mapping' })
    expect((within(dialog).getByLabelText('Integration') as HTMLSelectElement).value).toBe('shop')
    expect(dialog.textContent).toContain('Capture #41 will be the payload under test')
  })

  it('says a capture that matched no integration has no mapping to open, and leads to the Integrations screen', async () => {
    const { stores } = await openCaptureIn(<MappingScreen />, '42')
    const notice = await screen.findByTestId('capture-without-mapping')
    within(notice).getByRole('heading', { name: 'Capture #42 matched no integration' })
    expect(notice.textContent).toContain('It came to /hooks/unknown-thing')
    expect(stores.mapping.getState().selectedId).toBeNull()
    fireEvent.click(within(notice).getByRole('button', { name: 'Go to Integrations' }))
    expect(stores.navigation.getState().screen).toBe('integrations')
  })
})

// The dialog alone: the designer it opens onto needs a browser (Monaco, a worker), and is driven end to end.
describe('NewMappingDialog, for a capture without a mapping', () => {
  const forCapture = {
    captureId: '41',
    integrationId: 'shop',
    sourceEvent: 'order_placed',
    path: '/hooks/shop-orders',
    otherMappings: 0
  }

  it('creates the mapping for its integration, onto the event its source event means, with it under test', async () => {
    const onClose = vi.fn()
    const { api, stores } = await openCaptureIn(<NewMappingDialog forCapture={forCapture} onClose={onClose} />, '41')
    const dialog = screen.getByRole('dialog', { name: 'New mapping' })
    expect((within(dialog).getByLabelText('Integration') as HTMLSelectElement).value).toBe('shop')
    expect((within(dialog).getByLabelText('Event') as HTMLSelectElement).value).toBe('e-order')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create mapping' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(api.saveMapping).toHaveBeenCalledWith(expect.objectContaining({ integrationId: 'shop', eventId: 'e-order' }))
    const created = stores.mapping.getState().mappings.find((mapping) => mapping.integrationId === 'shop')
    expect(stores.mapping.getState().selectedId).toBe(created?.id)
    expect(stores.mapping.getState().captureId).toBe('41')
  })

  it('creates the mapping on Enter in either field, as the dialog comes with both chosen', async () => {
    const onClose = vi.fn()
    const { api } = await openCaptureIn(<NewMappingDialog forCapture={forCapture} onClose={onClose} />, '41')
    const dialog = screen.getByRole('dialog', { name: 'New mapping' })
    fireEvent.keyDown(within(dialog).getByLabelText('Integration'), { key: 'Enter' })
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(api.saveMapping).toHaveBeenCalledWith(expect.objectContaining({ integrationId: 'shop', eventId: 'e-order' }))
  })

  it('puts the capture under test of no mapping of another integration', async () => {
    const onClose = vi.fn()
    const { stores } = await openCaptureIn(<NewMappingDialog forCapture={forCapture} onClose={onClose} />, '41')
    const dialog = screen.getByRole('dialog', { name: 'New mapping' })
    fireEvent.change(within(dialog).getByLabelText('Integration'), { target: { value: 'hotel' } })
    fireEvent.change(within(dialog).getByLabelText('Event'), { target: { value: 'e-order' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create mapping' }))
    await waitFor(() => expect(onClose).toHaveBeenCalled())
    expect(
      stores.mapping.getState().mappings.find((mapping) => mapping.id === stores.mapping.getState().selectedId)
    ).toMatchObject({ integrationId: 'hotel', eventId: 'e-order' })
    expect(stores.mapping.getState().captureId).not.toBe('41')
  })
})
