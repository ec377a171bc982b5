import { request } from 'node:http'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventDefinitionBody } from '../../shared/capillary/eventDefinitionBody'
import type { LocalSandboxState } from '../../shared/model/connectionProfile'
import type { EventDefinition, EventDraft } from '../../shared/model/event'
import { basicAuthorization } from '../../main/capillary/client/basicAuthorization'
import { startStudioInBrowser, type StudioInBrowser } from './support/studioInBrowser'

/**
 * A definition sent to the org behind the project's back (as a colleague in InTouch would), so the drift view has
 * something to show. The studio's local sandbox takes till sandbox.till, password sandbox.
 */
function sendToOrg(baseUrl: string, method: 'POST' | 'PUT', draft: EventDraft): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(
      `${baseUrl}/v2/events`,
      {
        method,
        headers: {
          'Content-Type': 'application/json',
          Authorization: basicAuthorization('sandbox.till', 'sandbox')
        }
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
      }
    )
    sent.on('error', reject)
    sent.end(JSON.stringify(eventDefinitionBody(draft)))
  })
}

const storeVisit: EventDraft = {
  name: 'store_visit',
  label: '',
  description: 'Created in InTouch, not in the project.',
  kind: 'custom',
  actions: ['EIConsumer'],
  attributes: [
    {
      name: 'customer',
      type: 'customer',
      description: '',
      isRequired: true,
      isUniqueKeyField: false,
      isPsiData: false,
      standard: false,
      customer: { identifierType: 'mobile', source: 'INSTORE', addCustomerIfNotExists: false }
    }
  ]
}

describe('publishing in web mode, against the studio local sandbox', () => {
  let session: StudioInBrowser
  let page: Page
  let sandbox: LocalSandboxState

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Publish', sample: true })
    page = session.page
  })

  afterAll(() => session?.close())

  const callApi = <T>(name: string, input: unknown) => session.callApi<T>(name, input)
  const eventRow = (name: string) => page.locator(`tr[data-event="${name}"]`)
  /** The screen scrolls inside its pane: a taller window shows the whole dry run, without the sandbox notice. */
  const screenshotTall = async (name: string) => {
    const notices = page.getByRole('button', { name: 'Dismiss' })
    while ((await notices.count()) > 0) await notices.first().click()
    await page.setViewportSize({ width: 1280, height: 1600 })
    await session.screenshot(name)
    await page.setViewportSize({ width: 1280, height: 800 })
  }

  it('makes a dry run first: the comparison with the org, the deliveries, the exact requests and the quota', async () => {
    await page.goto(session.studio.launchUrl)
    await page.getByTestId('status-project').filter({ hasText: 'Publish' }).waitFor()
    // The sandbox offer's own flow is covered by connectionProfiles.e2e.ts: here it only has to run.
    sandbox = await callApi<LocalSandboxState>('startLocalSandbox', {})
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.getByRole('heading', { name: 'Publish', exact: true, level: 1 }).waitFor()
    await expect(page.getByLabel('Connection profile').inputValue()).resolves.toBe(sandbox.profileId)
    await eventRow('be_reserved').getByText('Tested').waitFor()

    await eventRow('ProductAddedToCart').getByRole('checkbox').uncheck()
    await page.getByRole('button', { name: 'Dry run (1)' }).click()
    const card = page.getByRole('article', { name: 'be_reserved' })
    await card.waitFor()
    // The local sandbox's profile signs in with a till: Capillary documents creating an event with OAuth only.
    await card.getByText('Ready, with warnings', { exact: true }).waitFor()
    await card
      .getByRole('list', { name: 'Warnings for be_reserved' })
      .getByText(/OAuth token only/)
      .waitFor()
    await card.getByText('Create', { exact: true }).waitFor()
    await card.getByRole('rowheader', { name: 'fields.hotel_name' }).waitFor()
    await card.getByRole('row', { name: /Hotel booking app/ }).waitFor()
    const definition = card.getByRole('region', { name: 'be_reserved: POST /v2/events' })
    await definition.locator('.view-lines').filter({ hasText: 'eventName' }).waitFor()
    // The Authorization header is shown masked, never as sent.
    await expect(definition.textContent()).resolves.toContain('"Authorization"')
    await expect(definition.textContent()).resolves.not.toContain(basicAuthorization('sandbox.till', 'sandbox'))
    await page.getByTestId('publish-quota').filter({ hasText: /of 10/ }).waitFor()
    // Each request says the rule it follows, not a reference to notes users cannot look up.
    await card.getByText('Creates the custom event: Capillary refuses a name the org already has.').waitFor()
    await expect(card.textContent()).resolves.not.toMatch(/notes|§/)
    // The dry run is longer than the window: the Publish pane scrolls to its end, the page and its status bar stay.
    const paneScrollTop = () => page.getByRole('region', { name: 'Publish' }).evaluate((pane) => pane.scrollTop)
    await page.mouse.move(640, 400)
    await page.mouse.wheel(0, 20_000)
    await expect.poll(paneScrollTop).toBeGreaterThan(0)
    await expect(
      page.evaluate(() => ({ scrolled: window.scrollY, taller: document.documentElement.scrollHeight > innerHeight }))
    ).resolves.toEqual({ scrolled: 0, taller: false })
    await screenshotTall('publish-dry-run')
  })

  it("publishes: each step, then the logs' verdict and the InTouch step", async () => {
    await page.getByRole('button', { name: 'Publish 1 event' }).click()
    const asked = page.getByRole('dialog', { name: /^Publish 1 event to .+\?$/ })
    await asked.getByRole('button', { name: 'Publish 1 event' }).click()
    const steps = page.getByRole('list', { name: 'Steps of be_reserved' })
    await steps.waitFor()
    await page.getByRole('status').filter({ hasText: 'EVENT_SUCCESS' }).waitFor()
    const lastStep = page.getByRole('group', { name: 'Last step for be_reserved: publish in InTouch' })
    await lastStep.waitFor()
    await expect(steps.locator('li.step-done').count()).resolves.toBe(6)
    await expect(steps.locator('li[aria-current="step"]').textContent()).resolves.toContain('Publish in InTouch')
    await eventRow('be_reserved').getByText('Verified').waitFor()
    // The dry run was used up by the publish: the button says a new one comes first, never "Publish 0 events".
    await expect(eventRow('be_reserved').getByRole('checkbox').isChecked()).resolves.toBe(true)
    const publishAgain = page.getByRole('button', { name: 'Publish after a new dry run' })
    await expect(publishAgain.isDisabled()).resolves.toBe(true)
    await expect(page.getByRole('button', { name: /Publish 0 events/ }).count()).resolves.toBe(0)
  })

  it('marks the event published after confirming, and shows it locked', async () => {
    const lastStep = page.getByRole('group', { name: 'Last step for be_reserved: publish in InTouch' })
    await lastStep.getByRole('button', { name: 'Mark as published…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Mark be_reserved as published on Local sandbox?' })
    await dialog.getByRole('button', { name: 'Mark as published' }).click()
    await page.getByRole('status').filter({ hasText: 'be_reserved is published on Local sandbox and locked' }).waitFor()
    await eventRow('be_reserved').getByText('Published').waitFor()
    await eventRow('be_reserved')
      .getByText(/Locked since/)
      .waitFor()
    await expect(eventRow('be_reserved').getByRole('checkbox').isDisabled()).resolves.toBe(true)
    await eventRow('be_reserved').getByRole('button', { name: 'New version…' }).waitFor()
  })

  it('shows the drift with the org: what only the org has, what only the project has, field by field', async () => {
    const baseUrl = sandbox.baseUrl ?? ''
    expect(await sendToOrg(baseUrl, 'POST', storeVisit)).toBe(200)
    // be_reserved changed in the org: another description, hotel_name no longer required.
    const beReserved = (await callApi<EventDefinition[]>('listEvents', {})).find(
      (event) => event.name === 'be_reserved'
    )!
    const changed: EventDraft = {
      ...beReserved,
      description: 'Changed in InTouch.',
      attributes: beReserved.attributes.map((attribute) =>
        attribute.name === 'hotel_name' ? { ...attribute, isRequired: false } : attribute
      )
    }
    expect(await sendToOrg(baseUrl, 'PUT', changed)).toBe(200)
    await page.getByRole('tab', { name: 'Drift' }).click()
    await page.getByRole('button', { name: 'Pull from org' }).click()
    await page.getByRole('heading', { name: 'In the org, not in the project (1)' }).waitFor()
    await page.getByRole('checkbox', { name: 'store_visit' }).waitFor()
    await page.getByRole('heading', { name: /In the project, not in the org/ }).waitFor()
    const both = page.getByRole('article', { name: /be_reserved/ })
    await both.getByRole('rowheader', { name: 'description' }).waitFor()
    await both
      .getByRole('rowheader', { name: /hotel_name/ })
      .first()
      .waitFor()
    await page.getByRole('checkbox', { name: 'store_visit' }).check()
    await screenshotTall('publish-drift')
  })

  it('imports what only the org has as a draft', async () => {
    await page.getByRole('button', { name: 'Import 1 as draft' }).click()
    await page.getByRole('heading', { name: 'In the org, not in the project (0)' }).waitFor()
    const events = await callApi<EventDefinition[]>('listEvents', {})
    expect(events.find((event) => event.name === 'store_visit')?.status).toBe('draft')
  })

  it('made no request off its own origin and raised no page error', () => {
    expect(session.watched.offOrigin).toEqual([])
    expect(session.watched.pageErrors).toEqual([])
  })
})
