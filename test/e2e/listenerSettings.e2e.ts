import { createHmac } from 'node:crypto'
import { request } from 'node:http'
import { createServer } from 'node:net'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStudioInBrowser, type StudioInBrowser } from './support/studioInBrowser'

const signingKey = 'typed-in-the-studio'

/** One real HTTP request to the studio's listener, as a sender makes it: its status, or the connection's error. */
function post(port: number, path: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<number | string>((resolveStatus) => {
    const sent = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (response) => {
        response.resume()
        response.on('end', () => resolveStatus(response.statusCode ?? 0))
      }
    )
    sent.on('error', (error: NodeJS.ErrnoException) => resolveStatus(error.code ?? error.message))
    sent.end(body)
  })
}

const signed = (body: string) => ({
  'X-Signature': `sha256=${createHmac('sha256', signingKey).update(body).digest('hex')}`
})

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolvePort(port))
    })
  })
}

describe('the listener settings and capture rules in web mode', () => {
  let session: StudioInBrowser
  let page: Page
  let port = 0
  const body = JSON.stringify({ event_name: 'be_reserved', customer: { mobile: '919900112233' } })

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Rules', sample: true })
    page = session.page
  })

  afterAll(() => session?.close())

  const listenerStatus = (text: RegExp) => page.getByTestId('status-listener').filter({ hasText: text })

  it('turns HMAC verification on for an integration and keeps the signing key typed in the studio', async () => {
    await page.goto(session.studio.launchUrl)
    const status = listenerStatus(/Listening on 127\.0\.0\.1:\d+/)
    await status.waitFor()
    port = Number(/:(\d+)/.exec((await status.textContent()) ?? '')?.[1])
    await page.getByRole('button', { name: 'Integrations', exact: true }).click()
    await page.getByRole('option', { name: /Hotel booking app/ }).click()

    const rules = page.getByRole('region', { name: 'Capture rules' })
    await rules.getByLabel('Signature verification').selectOption('hmac-sha256')
    await rules.getByLabel('Prefix (optional)').fill('sha256=')
    await rules.getByRole('button', { name: 'Save verification' }).click()
    await page.getByRole('button', { name: 'Turn verification on' }).click()
    await rules.getByText('Not set: every request is rejected until it is.').waitFor()
    // The advice for cloud senders follows at once, without leaving the screen.
    const reach = page.getByRole('region', { name: 'Reaching the listener from the cloud' })
    await reach.getByText(/signs the raw body with HMAC-SHA256/).waitFor()
    await expect(post(port, '/hooks/booking-app', body, signed(body))).resolves.toBe(401)

    await rules.getByLabel('Signing secret').fill(signingKey)
    await rules.getByRole('button', { name: 'Keep secret' }).click()
    await rules.getByText(/Held in memory until the studio stops/).waitFor()
    await expect(post(port, '/hooks/booking-app', body)).resolves.toBe(401)
    await expect(post(port, '/hooks/booking-app', body, signed(body))).resolves.toBe(200)
    await rules.getByRole('heading', { name: 'Capture rules' }).scrollIntoViewIfNeeded()
    await session.screenshot('capture-rules')
  })

  it('moves the listener to another port from Settings, and senders reach it there only', async () => {
    const next = await freePort()
    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    const section = page.getByRole('region', { name: 'Webhook listener' })
    await section.getByLabel('Port').fill(String(next))
    await section.getByRole('button', { name: 'Apply and restart the listener' }).click()
    await listenerStatus(new RegExp(`Listening on 127\\.0\\.0\\.1:${next}`)).waitFor()
    await expect(post(next, '/hooks/booking-app', body, signed(body))).resolves.toBe(200)
    await expect(post(port, '/hooks/booking-app', body, signed(body))).resolves.toBe('ECONNREFUSED')
    port = next
  })

  it('applies a smaller body limit: a larger request gets 413', async () => {
    const section = page.getByRole('region', { name: 'Webhook listener' })
    await section.getByLabel('Body limit (MiB)').fill('0.001')
    await section.getByRole('button', { name: 'Apply and restart the listener' }).click()
    await expect.poll(() => section.getByLabel('Body limit (MiB)').inputValue()).toBe('0.001')
    await listenerStatus(new RegExp(`Listening on 127\\.0\\.0\\.1:${port}`)).waitFor()
    const large = JSON.stringify({ event_name: 'be_reserved', note: 'x'.repeat(2048) })
    await expect.poll(() => post(port, '/hooks/booking-app', large, signed(large))).toBe(413)
    await section.getByRole('heading', { name: 'Webhook listener' }).scrollIntoViewIfNeeded()
    await session.screenshot('listener-settings')
  })

  it('keeps capture rules changed and not saved across screens, says so in the status bar, and asks before leaving', async () => {
    await page.getByRole('button', { name: 'Integrations', exact: true }).click()
    await page.getByRole('option', { name: /Hotel booking app/ }).click()
    const rules = page.getByRole('region', { name: 'Capture rules' })
    const redact = rules.getByLabel('Redact personal data before storing captures')
    await redact.check()
    // Elsewhere, the change is not lost, and not called saved.
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    const saveStatus = page.getByTestId('status-save')
    await saveStatus.filter({ hasText: 'the capture rules of 1 integration not saved' }).waitFor()
    await expect(unsavedQuestion()).resolves.toBe('asks')
    // The status bar leads back to them, as they were left.
    await saveStatus.click()
    await expect.poll(() => redact.isChecked()).toBe(true)
    await rules.getByRole('button', { name: 'Save redaction' }).click()
    await saveStatus.filter({ hasText: /^All changes saved/ }).waitFor()
    await expect(unsavedQuestion()).resolves.toBeUndefined()
    const redacting = JSON.stringify({ event_name: 'be_reserved', email: 'asha@example.com' })
    await expect(post(port, '/hooks/booking-app', redacting, signed(redacting))).resolves.toBe(200)
  })

  /** Whether the studio would ask before the page is left now (a reload, a closed window). */
  const unsavedQuestion = () =>
    page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented ? 'asks' : undefined
    })
})
