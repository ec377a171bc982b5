import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { RequestInput, RequestName } from '../../../../shared/api/contract'
import { fail, ok, type Result } from '../../../../shared/api/result'
import type { Integration } from '../../../../shared/model/integration'
import { DeliveryQuery, type Delivery, type RelayOverview, type RelaySettings } from '../../../../shared/model/relay'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { DeliveriesScreen } from '../../../../renderer/features/deliveries/DeliveriesScreen'
import { RelaySwitch } from '../../../../renderer/features/integrations/RelaySwitch'

const now = '2026-11-28T10:00:00.000Z'

const integration: Integration = {
  id: 'i1',
  name: 'WebEngage storefront',
  slug: 'webengage',
  kind: 'webengage',
  sourceAccount: 'WEB_ENGAGE',
  eventNameField: 'event_name',
  eventNameMap: [],
  createdAt: now,
  updatedAt: now
}

const delivery = (id: string, patch: Partial<Delivery>): Delivery => ({
  id,
  captureId: id.split(':')[0] ?? '1',
  outputIndex: 0,
  integrationId: 'i1',
  eventName: 'ProductAddedToCart',
  externalEventId: `x-${id}`,
  status: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  lastStatus: 200,
  lastResponse: '1100: Event is pushed to transformation state',
  payload: {},
  diagnostics: [],
  createdAt: now,
  updatedAt: now,
  deliveredAt: now,
  ...patch
})

/** The Deliveries screen in the studio's real stores, over in-memory answers (inputs parsed as main does). */
async function renderDeliveries(
  options: {
    profiles?: boolean
    view?: 'screen' | 'switch'
    invalid?: Delivery['diagnostics']
    relay?: Partial<RelaySettings>
    /** A row still to deliver, listed first. */
    pending?: boolean
  } = {}
) {
  let settings: RelaySettings = {
    integrationId: 'i1',
    enabled: false,
    profileId: null,
    webhookUri: null,
    updatedAt: null,
    ...options.relay
  }
  const rows = [
    ...(options.pending
      ? [delivery('4:0', { status: 'pending', attempts: 0, nextAttemptAt: now, lastStatus: null, lastResponse: null })]
      : []),
    delivery('3:0', { status: 'dead', attempts: 10, lastStatus: 500, lastResponse: 'Gave up after 10 attempts: 500' }),
    delivery('2:0', {}),
    delivery('1:0', {
      status: 'invalid',
      diagnostics: options.invalid ?? [{ severity: 'error', message: 'customer is required' }]
    })
  ]
  const overview: RelayOverview = {
    counts: { pending: 0, delivered: 1, dead: 1, invalid: 1 },
    perMinute: [{ minute: now, delivered: 1, failed: 2, dead: 1 }],
    relaying: 0,
    running: true,
    pausedUntil: null
  }
  const calls = {
    listDeliveries: vi.fn(async (input: RequestInput<'listDeliveries'>) => {
      const query = DeliveryQuery.parse(input)
      return ok({
        items: rows.filter((row) => !query.statuses || query.statuses.includes(row.status)),
        nextCursor: null
      })
    }),
    setRelaySettings: vi.fn(async (input: RequestInput<'setRelaySettings'>) => {
      settings = { ...settings, ...input, webhookUri: input.enabled ? 'http://127.0.0.1:4870/webhooks/abc' : null }
      return ok(settings)
    }),
    retryDeliveries: vi.fn(async () => ok({ requeued: 1 })),
    replayDeliveries: vi.fn(async () => ok({ requeued: 1 }))
  }
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = {
    ...calls,
    getRelayOverview: async () => ok(overview),
    listRelaySettings: async () => ok([settings]),
    listIntegrations: async () => ok([integration]),
    listWebhookSettings: async () => ok([]),
    listConnectionProfiles: async () =>
      ok(options.profiles === false ? [] : [{ id: 'p1', name: 'Local sandbox', secret: 'session' }]),
    getLocalSandbox: async () => ok({ running: true, baseUrl: null, profileId: 'p1', offer: false })
  }
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const stores = createStudioStores(createStudioApi(transport))
  await stores.integrations.getState().load()
  render(
    <StudioProvider stores={stores}>
      {options.view === 'switch' ? <RelaySwitch integrationId="i1" /> : <DeliveriesScreen />}
    </StudioProvider>
  )
  if (options.view !== 'switch') await screen.findByText('#3')
  return { calls, stores }
}

describe('a relay left on with no connection profile (after capmap relay --base-url)', () => {
  it('says its events wait, and choosing the first profile takes it', async () => {
    const { calls } = await renderDeliveries({
      relay: { enabled: true, webhookUri: 'http://127.0.0.1:4870/webhooks/abc' }
    })
    const relays = screen.getByRole('region', { name: 'Relays' })
    await within(relays).findByText(/On, but with no connection profile: its events wait/)
    const select = within(relays).getByLabelText('Connection profile for WebEngage storefront') as HTMLSelectElement
    expect(select.value).toBe('')
    fireEvent.change(select, { target: { value: 'p1' } })
    await waitFor(() =>
      expect(calls.setRelaySettings).toHaveBeenCalledWith({ integrationId: 'i1', enabled: true, profileId: 'p1' })
    )
  })

  it('says its rows wait for a profile, and offers no Retry that would do nothing', async () => {
    await renderDeliveries({ relay: { enabled: true }, pending: true })
    const waiting = screen.getByText('#4').closest('tr') as HTMLElement
    await within(waiting).findByText('When a connection profile is chosen')
    expect(within(waiting).queryByRole('button', { name: 'Retry' })).toBeNull()
    const dead = screen.getByText('#3').closest('tr') as HTMLElement
    expect(within(dead).getByRole('button', { name: 'Retry' })).toBeTruthy()
  })

  it('says so beside the integration’s own switch too', async () => {
    await renderDeliveries({ view: 'switch', relay: { enabled: true } })
    await screen.findByRole('button', { name: /On, with no connection profile: its events wait/ })
  })
})

describe('DeliveriesScreen', () => {
  it('shows each delivery with its status, attempts and last response, and dead letters with their reason', async () => {
    await renderDeliveries()
    const dead = screen.getByText('#3').closest('tr') as HTMLElement
    expect(within(dead).getByText('dead')).toBeTruthy()
    expect(within(dead).getByText('10')).toBeTruthy()
    expect(within(dead).getByText(/Gave up after 10 attempts: 500/)).toBeTruthy()
    const invalid = screen.getByText('#1').closest('tr') as HTMLElement
    expect(within(invalid).getByText('customer is required')).toBeTruthy()
    expect(screen.getByTestId('count-dead').textContent).toBe('1')
    expect(screen.getByRole('img', { name: /Deliveries per minute/ })).toBeTruthy()
  })

  it('names each row’s capture as #id, a link that opens it in the inbox', async () => {
    const { stores } = await renderDeliveries()
    expect(screen.queryByText('3:0')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '#3' }))
    expect(stores.navigation.getState()).toMatchObject({ screen: 'captures', target: { id: '3' } })
  })

  it('lists an invalid output’s problems one per line, errors before notes', async () => {
    await renderDeliveries({
      invalid: [
        { severity: 'info', message: 'age is left out: nothing at age.' },
        { severity: 'error', message: 'customer is required.' },
        { severity: 'warning', message: 'The mobile number may lack its country code.' }
      ]
    })
    const invalid = screen.getByText('#1').closest('tr') as HTMLElement
    expect(
      within(invalid)
        .getAllByRole('listitem')
        .map((item) => item.textContent)
    ).toEqual([
      'Error: customer is required.',
      'Warning: The mobile number may lack its country code.',
      'Note: age is left out: nothing at age.'
    ])
  })

  it('filters by status through main', async () => {
    const { calls } = await renderDeliveries()
    fireEvent.click(screen.getByRole('tab', { name: 'Dead letters' }))
    await waitFor(() => expect(screen.queryByText('#2')).toBeNull())
    expect(calls.listDeliveries).toHaveBeenLastCalledWith(expect.objectContaining({ statuses: ['dead'] }))
    expect(screen.getByText('#3')).toBeTruthy()
  })

  it('retries a dead letter and replays a delivered row', async () => {
    const { calls } = await renderDeliveries()
    fireEvent.click(within(screen.getByText('#3').closest('tr') as HTMLElement).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(calls.retryDeliveries).toHaveBeenCalledWith({ ids: ['3:0'] }))
    // A replay is asked first: Capillary may store it, and Loyalty reward it, twice.
    const replay = () =>
      fireEvent.click(
        within(screen.getByText('#2').closest('tr') as HTMLElement).getByRole('button', { name: 'Replay' })
      )
    replay()
    const asked = await screen.findByRole('dialog', { name: 'Send #2 to Capillary again?' })
    expect(asked.textContent).toContain('Loyalty may reward it twice')
    fireEvent.click(within(asked).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(calls.replayDeliveries).not.toHaveBeenCalled()
    replay()
    fireEvent.click(await screen.findByRole('button', { name: 'Send again' }))
    await waitFor(() => expect(calls.replayDeliveries).toHaveBeenCalledWith({ ids: ['2:0'] }))
    fireEvent.click(screen.getByRole('button', { name: 'Retry every dead letter' }))
    await waitFor(() => expect(calls.retryDeliveries).toHaveBeenCalledWith({ allDead: true }))
  })

  it('turns an integration relay on with the chosen profile and shows the webhook URI Capillary gave', async () => {
    const { calls } = await renderDeliveries()
    const toggle = await screen.findByRole('checkbox', { name: 'Relay WebEngage storefront' })
    fireEvent.click(toggle)
    await waitFor(() =>
      expect(calls.setRelaySettings).toHaveBeenCalledWith({ integrationId: 'i1', enabled: true, profileId: 'p1' })
    )
    expect(await screen.findByText('http://127.0.0.1:4870/webhooks/abc')).toBeTruthy()
  })

  it('explains how to relay to the local sandbox when there is no connection profile', async () => {
    await renderDeliveries({ profiles: false })
    expect(await screen.findByText(/start the local sandbox/)).toBeTruthy()
    expect((screen.getByRole('checkbox', { name: 'Relay WebEngage storefront' }) as HTMLInputElement).disabled).toBe(
      true
    )
  })
})

describe('RelaySwitch (integration editor)', () => {
  it('turns the integration relay on through the first connection profile', async () => {
    const { calls, stores } = await renderDeliveries({ view: 'switch' })
    const toggle = await screen.findByRole('checkbox', { name: 'Relay its captures to Capillary as they arrive' })
    await waitFor(() => expect((toggle as HTMLInputElement).disabled).toBe(false))
    fireEvent.click(toggle)
    await waitFor(() =>
      expect(calls.setRelaySettings).toHaveBeenCalledWith({ integrationId: 'i1', enabled: true, profileId: 'p1' })
    )
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true))
    fireEvent.click(screen.getByRole('button', { name: 'Deliveries' }))
    expect(stores.navigation.getState().screen).toBe('deliveries')
  })
})
