import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ok } from '../../../../shared/api/result'
import type { CaptureSummary } from '../../../../shared/model/capture'
import type { Integration } from '../../../../shared/model/integration'
import { SendTestDialog } from '../../../../renderer/features/captures/SendTestDialog'
import { fakeCapturesApi, summary } from './fakeCapturesApi'
import { renderInStudio } from '../../support/renderInStudio'

const booking: Integration = {
  id: 'i-booking',
  name: 'Hotel booking app',
  slug: 'booking-app',
  kind: 'custom',
  sourceAccount: 'INSTORE',
  eventNameField: 'event_name',
  eventNameMap: [],
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z'
}

const shop: Integration = { ...booking, id: 'i-shop', name: 'Shop app', slug: 'shop-app' }

/** The Send dialog with the listener on, over `integrations` (the booking app alone) and the inbox's `captures`. */
async function renderDialog(
  options: { integrations?: Integration[]; captures?: CaptureSummary[]; open?: string } = {}
) {
  const api = fakeCapturesApi(options.captures ?? [])
  await renderInStudio(
    {
      ...api,
      listIntegrations: async () => ok(options.integrations ?? [booking]),
      listWebhookSettings: async () => ok([]),
      getListenerStatus: async () =>
        ok({ state: 'listening', host: '127.0.0.1', port: 4890, url: null, message: null, warning: null })
    },
    <SendTestDialog onClose={vi.fn()} />,
    async (stores) => {
      await stores.integrations.getState().load()
      await stores.listener.getState().load()
      if (options.open) await stores.captures.getState().select(options.open)
    }
  )
  const send = () => screen.getByRole('button', { name: /^Send/ }) as HTMLButtonElement
  const type = (body: string) => fireEvent.change(screen.getByLabelText('Payload'), { target: { value: body } })
  return { api, send, type }
}

describe('sending a test payload', () => {
  it('sends to the integration of the capture open in the inbox', async () => {
    await renderDialog({
      integrations: [booking, shop],
      captures: [summary(1), summary(2, { integrationId: 'i-shop', integration: 'shop-app', path: '/hooks/shop-app' })],
      open: '2'
    })
    expect((screen.getByLabelText('Integration') as HTMLSelectElement).value).toBe('i-shop')
  })

  it('never aims at an integration that no longer exists, though the capture open came through it', async () => {
    const { api, send, type } = await renderDialog({
      integrations: [booking, shop],
      captures: [summary(1, { integrationId: 'i-deleted', integration: 'gone', path: '/hooks/gone' })],
      open: '1'
    })
    expect((screen.getByLabelText('Integration') as HTMLSelectElement).value).toBe('i-booking')
    type('{"event_name":"be_reserved"}')
    fireEvent.click(send())
    await waitFor(() =>
      expect(api.sendTestPayload).toHaveBeenCalledWith(expect.objectContaining({ integrationId: 'i-booking' }))
    )
  })

  it('says before sending that a JSON body is not valid JSON, and sends only when the user chooses to', async () => {
    const { api, send, type } = await renderDialog()
    type('not json at all')
    expect(screen.getByRole('alert').textContent).toContain(
      "This payload is not valid JSON, though it is sent as application/json: Invalid JSON at line 1, column 1: JSON value expected but got 'n'."
    )
    expect(screen.getByLabelText('Payload').getAttribute('aria-invalid')).toBe('true')
    expect(send().disabled).toBe(true)

    fireEvent.click(screen.getByRole('checkbox', { name: /Send it anyway/ }))
    expect(send().textContent).toBe(' Send invalid JSON')
    fireEvent.click(send())
    await waitFor(() =>
      expect(api.sendTestPayload).toHaveBeenCalledWith({
        integrationId: 'i-booking',
        contentType: 'application/json',
        body: 'not json at all',
        signed: true
      })
    )
  })

  it('asks again after the body changes', async () => {
    const { send, type } = await renderDialog()
    type('not json')
    fireEvent.click(screen.getByRole('checkbox', { name: /Send it anyway/ }))
    type('not json either')
    expect(send().disabled).toBe(true)
    expect((screen.getByRole('checkbox', { name: /Send it anyway/ }) as HTMLInputElement).checked).toBe(false)
  })

  it('checks nothing of the kind for valid JSON or a body that is not sent as JSON', async () => {
    const { send, type } = await renderDialog()
    type('{"event_name":"be_reserved"}')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(send().disabled).toBe(false)
    type('not json at all')
    fireEvent.change(screen.getByLabelText('Content type'), { target: { value: 'text/plain' } })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(send().disabled).toBe(false)
  })
})
