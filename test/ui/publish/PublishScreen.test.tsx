import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { planEvent, plan, progress, projectEvent, renderPublish, target, now } from './fakePublishApi'

const row = (name: string) => screen.getByText(name, { selector: '.mono' }).closest('tr') as HTMLElement

/** Publishes what the dry run found ready, confirming when asked. */
async function publishConfirmed() {
  fireEvent.click(await screen.findByRole('button', { name: 'Publish 1 event' }))
  const asked = await screen.findByRole('dialog', { name: /^Publish 1 event to / })
  fireEvent.click(within(asked).getByRole('button', { name: 'Publish 1 event' }))
}

describe('PublishScreen', () => {
  it('says how to get a connection profile, the local sandbox included, when there is none', async () => {
    const { stores, answers } = await renderPublish({ profiles: false })
    expect(await screen.findByText(/No connection profile yet/)).toBeTruthy()
    expect(screen.getByText(/the built-in local sandbox answers like Capillary/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Start local sandbox' }))
    await waitFor(() => expect(answers.startLocalSandbox).toHaveBeenCalled())
    fireEvent.click(screen.getByRole('button', { name: 'Open Settings' }))
    expect(stores.navigation.getState().screen).toBe('settings')
  })

  it('lists each event with its standing on the chosen profile, published ones locked', async () => {
    await renderPublish({
      events: [
        projectEvent('e1', 'be_reserved'),
        projectEvent('e2', 'cart_viewed', { status: 'draft' }),
        projectEvent('e3', 'store_visit', {
          publications: [{ profile: 'UAT org', publishedAt: now, publishedBy: 'consultant' }]
        }),
        projectEvent('e4', 'coupon_seen')
      ],
      entries: [
        {
          eventId: 'e4',
          eventName: 'coupon_seen',
          profileKey: 'UAT org',
          stage: 'verified',
          lastVerdict: { ok: true, status: 'EVENT_SUCCESS', message: 'Event processed successfully' },
          updatedAt: now
        }
      ]
    })
    await screen.findByText('Verified')
    expect(within(row('be_reserved')).getByText('Tested')).toBeTruthy()
    expect(within(row('cart_viewed')).getByText('Draft')).toBeTruthy()
    expect(within(row('store_visit')).getByText('Published')).toBeTruthy()
    expect(within(row('store_visit')).getByText(/Locked since/)).toBeTruthy()
    expect(within(row('store_visit')).getByRole('button', { name: 'New version…' })).toBeTruthy()
    expect(within(row('coupon_seen')).getByRole('button', { name: 'Mark as published…' })).toBeTruthy()
    // Tested events are in the dry run by default; drafts and locked events are left out.
    expect((within(row('be_reserved')).getByRole('checkbox') as HTMLInputElement).checked).toBe(true)
    expect((within(row('cart_viewed')).getByRole('checkbox') as HTMLInputElement).checked).toBe(false)
    expect((within(row('store_visit')).getByRole('checkbox') as HTMLInputElement).disabled).toBe(true)
  })

  it('shows the dry run before anything can be published: comparison, deliveries, requests and quota', async () => {
    const { api } = await renderPublish()
    const publishButton = await screen.findByRole('button', { name: 'Publish after a dry run' })
    expect((publishButton as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Dry run (1)' }))
    await screen.findByRole('heading', { name: 'Dry run' })
    expect(api.planPublish).toHaveBeenCalledWith({ profileId: 'p1', eventIds: ['e1'] })
    const card = screen.getByRole('article', { name: 'be_reserved' })
    expect(within(card).getByText('fields.hotel_name')).toBeTruthy()
    expect(within(card).queryByText('actions')).toBeNull()
    fireEvent.click(within(card).getByRole('button', { name: 'Show 1 unchanged field' }))
    expect(within(card).getByText('actions')).toBeTruthy()
    expect(within(card).getByText('Relayed by the studio')).toBeTruthy()
    expect(within(card).getByText(/cannot run/)).toBeTruthy()
    const definition = within(card).getByRole('textbox', { name: 'be_reserved: POST /v2/events' })
    expect((definition as HTMLTextAreaElement).value).toContain('Basic ••••')
    expect(screen.getByTestId('publish-quota').textContent).toContain('3 of 10, 4 after this publish')
    expect((screen.getByRole('button', { name: 'Publish 1 event' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('says why an event is blocked, and publishes none when none is ready', async () => {
    await renderPublish({
      plan: plan([
        planEvent('e1', 'be_reserved', {
          ready: false,
          blockers: [{ code: 'quota', message: 'The org already has 10 active custom events.' }]
        })
      ])
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run (1)' }))
    const blockers = await screen.findByRole('list', { name: 'Why be_reserved cannot be published' })
    expect(within(blockers).getByText(/10 active custom events/)).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Nothing ready to publish' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('tells a ready event with warnings from one without, in its card and in the count', async () => {
    await renderPublish({
      plan: plan([
        planEvent('e1', 'be_reserved'),
        planEvent('e2', 'order_placed', {
          warnings: ['Integer: publishing may fail with error 1823 (invalid event field type).']
        })
      ])
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run (1)' }))
    const warned = await screen.findByRole('article', { name: 'order_placed' })
    expect(within(warned).getByText('Ready, with warnings')).toBeTruthy()
    expect(
      within(screen.getByRole('article', { name: 'be_reserved' })).getByText('Ready', { exact: true })
    ).toBeTruthy()
    expect(screen.getByText(/2 of 2 events ready to publish, 1 with warnings\./)).toBeTruthy()
  })

  it('asks before it writes to the org, naming the profile; Cancel publishes nothing', async () => {
    const { api } = await renderPublish()
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run (1)' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Publish 1 event' }))
    const asked = await screen.findByRole('dialog', { name: /^Publish 1 event to .+\?$/ })
    expect(asked.textContent).toContain('This writes to the org')
    fireEvent.click(within(asked).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.startPublish).not.toHaveBeenCalled()
  })

  it('never offers "Publish 0 events" beside a ticked event: after a publish, a new dry run comes first', async () => {
    const { api } = await renderPublish()
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run (1)' }))
    await publishConfirmed()
    await waitFor(() => expect(api.startPublish).toHaveBeenCalled())
    const again = await screen.findByRole('button', { name: 'Publish after a new dry run' })
    expect((again as HTMLButtonElement).disabled).toBe(true)
    expect(again.title).toBe('The org changed with the last publish: dry run again first.')
    expect((screen.getByRole('checkbox', { name: 'Include be_reserved' }) as HTMLInputElement).checked).toBe(true)
    expect(screen.queryByRole('button', { name: /Publish 0 events/ })).toBeNull()
  })

  it('publishes nothing the dry run did not show: a changed choice needs a new dry run', async () => {
    const { stores } = await renderPublish()
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run (1)' }))
    await screen.findByRole('button', { name: 'Publish 1 event' })
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include be_reserved' }))
    const button = screen.getByRole('button', { name: 'Publish after a new dry run' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    expect(stores.commands.getState().run('publish.start')).toBe(false)
  })

  it('publishes, shows each step and the logs verdict, then marks the event published after confirming', async () => {
    const { api, stores } = await renderPublish()
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run (1)' }))
    await publishConfirmed()
    await waitFor(() =>
      expect(api.startPublish).toHaveBeenCalledWith({ profileId: 'p1', eventIds: ['e1'], waitForPublishedSeconds: 0 })
    )
    act(() => {
      for (const step of ['local_checks', 'definition', 'webhook', 'test_post', 'logs'] as const)
        stores.publish.getState().receiveProgress(progress({ step, message: `${step}…` }))
      stores.publish.getState().receiveProgress(
        progress({
          step: 'awaiting_publish',
          message: 'Verified: publish it in InTouch.',
          done: true,
          verdict: { ok: true, status: 'EVENT_SUCCESS', message: 'Event processed successfully' }
        })
      )
    })
    const steps = screen.getByRole('list', { name: 'Steps of be_reserved' })
    expect(within(steps).getByText('Definition').closest('li')?.className).toContain('step-done')
    expect(within(steps).getByText('Publish in InTouch').closest('li')?.getAttribute('aria-current')).toBe('step')
    expect(screen.getByText('EVENT_SUCCESS')).toBeTruthy()
    const lastStep = screen.getByRole('group', { name: 'Last step for be_reserved: publish in InTouch' })
    expect(within(lastStep).getByText(/Capillary has no API to publish an event/)).toBeTruthy()

    fireEvent.click(within(lastStep).getByRole('button', { name: 'Check again' }))
    await waitFor(() => expect(api.checkPublished).toHaveBeenCalledWith({ profileId: 'p1' }))

    fireEvent.click(within(lastStep).getByRole('button', { name: 'Mark as published…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Mark be_reserved as published on UAT org?' })
    expect(api.markPublished).not.toHaveBeenCalled()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as published' }))
    await waitFor(() => expect(api.markPublished).toHaveBeenCalledWith({ eventId: 'e1', profileId: 'p1' }))
  })

  it("shows a failed verdict with Capillary's message and what to do", async () => {
    const { stores } = await renderPublish()
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run (1)' }))
    await publishConfirmed()
    await screen.findByRole('heading', { name: 'Publishing' })
    act(() => {
      stores.publish.getState().receiveProgress(progress({ step: 'logs', message: 'Reading the logs…' }))
      stores.publish.getState().receiveProgress(
        progress({
          step: 'failed',
          message: 'The test post failed.',
          done: true,
          runDone: true,
          verdict: {
            ok: false,
            status: 'NO_CUSTOMER_DETAILS_PASSED',
            message: 'customer details are not passed'
          }
        })
      )
    })
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('NO_CUSTOMER_DETAILS_PASSED')
    expect(alert.textContent).toContain('customer details are not passed')
    expect(alert.textContent).toContain('map the customer field')
    const steps = screen.getByRole('list', { name: 'Steps of be_reserved' })
    expect(within(steps).getByText('Logs verdict').closest('li')?.className).toContain('step-failed')
    expect(screen.getByRole('heading', { name: 'Last publish' })).toBeTruthy()
  })

  it('cancels a run in progress', async () => {
    const { api } = await renderPublish()
    fireEvent.click(await screen.findByRole('button', { name: 'Dry run (1)' }))
    await publishConfirmed()
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(api.cancelPublish).toHaveBeenCalledWith({ runId: 'r1' }))
    expect(await screen.findByText(/You cancelled the run/)).toBeTruthy()
  })

  it('disables an event on Capillary only once its name is typed, saying it cannot be undone', async () => {
    const { api } = await renderPublish({
      entries: [
        {
          eventId: 'e1',
          eventName: 'be_reserved',
          profileKey: target.key,
          stage: 'verified',
          lastVerdict: null,
          updatedAt: now
        }
      ]
    })
    await screen.findByText('Verified')
    fireEvent.click(within(row('be_reserved')).getByRole('button', { name: 'Disable on Capillary…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Disable be_reserved on UAT org?' })
    expect(dialog.textContent).toContain('cannot be undone')
    expect(dialog.textContent).toContain('frees one of the org’s 10 active custom-event slots')
    const confirm = within(dialog).getByRole('button', { name: 'Disable on Capillary' }) as HTMLButtonElement
    expect(confirm.disabled).toBe(true)
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'be_reserve' } })
    expect(confirm.disabled).toBe(true)
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'be_reserved' } })
    fireEvent.click(confirm)
    await waitFor(() =>
      expect(api.disableRemoteEvent).toHaveBeenCalledWith({
        eventId: 'e1',
        profileId: 'p1',
        confirmName: 'be_reserved'
      })
    )
    expect(await screen.findByText('Disabled')).toBeTruthy()
  })

  it('makes a new version of a published event under the name asked', async () => {
    const { api } = await renderPublish({
      events: [
        projectEvent('e1', 'be_reserved', {
          publications: [{ profile: 'UAT org', publishedAt: now, publishedBy: 'consultant' }]
        }),
        projectEvent('e2', 'be_reserved_v2')
      ]
    })
    fireEvent.click(await screen.findByRole('button', { name: 'New version…' }))
    const dialog = await screen.findByRole('dialog', { name: 'New version of be_reserved' })
    const name = within(dialog).getByRole('textbox', { name: 'New event name' }) as HTMLInputElement
    expect(name.value).toBe('be_reserved_v3')
    fireEvent.change(name, { target: { value: 'be_reserved_v2' } })
    expect(within(dialog).getByText(/already named "be_reserved_v2"/)).toBeTruthy()
    fireEvent.change(name, { target: { value: 'be_reserved_2027' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create new version' }))
    await waitFor(() => expect(api.newEventVersion).toHaveBeenCalledWith({ eventId: 'e1', name: 'be_reserved_2027' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('pulls from the org: what only the org has, the reverse, differences field by field; imports as drafts', async () => {
    const { api } = await renderPublish()
    fireEvent.click(await screen.findByRole('tab', { name: 'Drift' }))
    expect(screen.getByText('Not compared yet.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Pull from org' }))
    await screen.findByRole('heading', { name: 'In the org, not in the project (2)' })
    expect(screen.getByRole('heading', { name: 'In the project, not in the org (1)' })).toBeTruthy()
    const both = screen.getByRole('article', { name: /be_reserved/ })
    expect(within(both).getByText('fields.hotel_name.isRequired')).toBeTruthy()
    expect(within(both).getByText('Only in the org')).toBeTruthy()
    expect((screen.getByRole('checkbox', { name: 'odd_event' }) as HTMLInputElement).disabled).toBe(true)
    expect(screen.getByText(/LOCATION/)).toBeTruthy()
    const importButton = screen.getByRole('button', { name: 'Import 0 as drafts' }) as HTMLButtonElement
    expect(importButton.disabled).toBe(true)
    fireEvent.click(screen.getByRole('checkbox', { name: 'store_visit' }))
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 as draft' }))
    await waitFor(() => expect(api.applyPull).toHaveBeenCalledWith({ profileId: 'p1', eventNames: ['store_visit'] }))
    expect(await screen.findByText('1 event imported from the org as a draft.')).toBeTruthy()
  })

  it('offers its actions in the command palette: dry run, then pull from the org', async () => {
    const { api, stores } = await renderPublish()
    await screen.findByRole('button', { name: 'Dry run (1)' })
    const commands = stores.commands.getState()
    expect(commands.run('publish.start')).toBe(false)
    expect(commands.run('publish.dryRun')).toBe(true)
    await waitFor(() => expect(api.planPublish).toHaveBeenCalledWith({ profileId: 'p1', eventIds: ['e1'] }))
    expect(commands.run('publish.pull')).toBe(true)
    await screen.findByRole('heading', { name: 'In the org, not in the project (2)' })
    expect(screen.getByRole('tab', { name: 'Drift' }).getAttribute('aria-selected')).toBe('true')
  })
})
