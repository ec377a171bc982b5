import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStudioInBrowser, type StudioInBrowser } from './support/studioInBrowser'

const addedToCart = readFileSync(join(process.cwd(), 'resources/samples/webengage-added-to-cart-flat.json'), 'utf8')

/** One WebEngage post to the studio's listener. */
function post(port: number, requestId: string) {
  return new Promise<number>((resolveStatus, reject) => {
    const sent = request(
      {
        host: '127.0.0.1',
        port,
        path: '/hooks/webengage',
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-request-id': requestId }
      },
      (response) => {
        response.resume()
        response.on('end', () => resolveStatus(response.statusCode ?? 0))
      }
    )
    sent.on('error', reject)
    sent.end(addedToCart)
  })
}

describe('the relay in web mode, against the studio local sandbox', () => {
  let session: StudioInBrowser
  let page: Page
  let port = 0

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Relay', sample: true })
    page = session.page
  })

  afterAll(async () => {
    await session?.close()
  })

  const openScreen = async (name: 'Deliveries' | 'Settings') => {
    await page.getByRole('button', { name, exact: true }).click()
    await page.getByRole('heading', { name, exact: true, level: 1 }).waitFor()
  }
  const count = (status: string) => page.getByTestId(`count-${status}`)
  const startSandbox = async () => {
    await openScreen('Settings')
    await page.getByRole('button', { name: 'Start local sandbox' }).first().click()
    await page.getByText('Local sandbox running at').waitFor()
  }

  it('relays captures to Capillary once the relay is on', async () => {
    await page.goto(session.studio.launchUrl)
    const status = page.getByTestId('status-listener').filter({ hasText: /Listening on 127\.0\.0\.1:\d+/ })
    await status.waitFor()
    port = Number(/:(\d+)/.exec((await status.textContent()) ?? '')?.[1])
    await startSandbox()

    await openScreen('Deliveries')
    // The switch turns on once Capillary (here, the sandbox) has answered with the webhook URI.
    const relaySwitch = page.getByRole('checkbox', { name: 'Relay WebEngage storefront' })
    await relaySwitch.click()
    await page
      .locator('.relay-uri')
      .filter({ hasText: /\/webhooks\// })
      .waitFor()
    await expect(relaySwitch.isChecked()).resolves.toBe(true)

    for (const id of ['e2e-1', 'e2e-2', 'e2e-3']) expect(await post(port, id)).toBe(200)
    await count('delivered').filter({ hasText: /^3$/ }).waitFor()
    await expect(page.locator('tr[data-status="delivered"]').count()).resolves.toBe(3)
    // Each row names its capture as the inbox does, a link to it.
    const capture = page
      .locator('tr[data-status="delivered"]')
      .first()
      .getByRole('button', { name: /^#\d+$/ })
    const id = ((await capture.textContent()) ?? '').slice(1)
    await capture.click()
    await page.getByRole('region', { name: `Capture ${id}` }).waitFor()
  })

  it('queues retries while the sandbox is stopped and drains them once it runs again', async () => {
    await openScreen('Settings')
    await page.getByRole('button', { name: 'Stop sandbox' }).click()
    await page.getByRole('button', { name: 'Start local sandbox' }).waitFor()

    await openScreen('Deliveries')
    for (const id of ['e2e-4', 'e2e-5', 'e2e-6']) expect(await post(port, id)).toBe(200)
    await count('pending').filter({ hasText: /^3$/ }).waitFor()
    const waiting = page.locator('tr[data-status="pending"]')
    await waiting
      .filter({ hasText: /No answer/ })
      .first()
      .waitFor()
    await expect(waiting.count()).resolves.toBe(3)

    await startSandbox()
    await openScreen('Deliveries')
    await count('delivered').filter({ hasText: /^6$/ }).waitFor({ timeout: 60_000 })
    await count('pending').filter({ hasText: /^0$/ }).waitFor()
    await session.screenshot('deliveries')
  }, 90_000)
})
