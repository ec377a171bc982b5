import { createHmac } from 'node:crypto'
import { request } from 'node:http'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CaptureRepository } from '../../main/store/CaptureRepository'
import { openProjectDatabase } from '../../main/store/database'
import type { EventDefinition } from '../../shared/model/event'
import type { Integration } from '../../shared/model/integration'
import { startStudioInBrowser, type StudioInBrowser } from './support/studioInBrowser'

const signingKey = 'booking-e2e-key'

/** One real HTTP request to the studio's listener, as a sender makes it. */
function post(port: number, path: string, contentType: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolveStatus, reject) => {
    const sent = request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': contentType, ...headers } },
      (response) => {
        response.resume()
        response.on('end', () => resolveStatus(response.statusCode ?? 0))
      }
    )
    sent.on('error', reject)
    sent.end(body)
  })
}

const signed = (body: string) => ({
  'X-Signature': `sha256=${createHmac('sha256', signingKey).update(body).digest('hex')}`
})

describe('the capture inbox in web mode', () => {
  let session: StudioInBrowser
  let page: Page
  let port = 0

  beforeAll(async () => {
    // Web mode reads signing secrets from the environment (the studio's secret store there).
    process.env.CAPMAP_SIGNING_SECRET_BOOKING_APP = signingKey
    session = await startStudioInBrowser({ project: 'Inbox', sample: true })
    page = session.page
  })

  afterAll(async () => {
    delete process.env.CAPMAP_SIGNING_SECRET_BOOKING_APP
    await session?.close()
  })

  const captureOptions = () => page.getByRole('listbox', { name: 'Captures' }).getByRole('option')
  /** The text an editor shows, with Monaco's non-breaking spaces read as spaces. */
  const linesOf = (editor: Locator) =>
    editor
      .locator('.view-lines')
      .innerText()
      .then((text) => text.replace(/\u00a0/g, ' '))
  it('shows the listener in the status bar and opens the inbox with the sample captures', async () => {
    await page.goto(session.studio.launchUrl)
    const status = page.getByTestId('status-listener').filter({ hasText: /Listening on 127\.0\.0\.1:\d+/ })
    await status.waitFor()
    port = Number(/:(\d+)/.exec((await status.textContent()) ?? '')?.[1])
    expect(port).toBeGreaterThan(0)
    await page.getByTestId('capture-rate').waitFor()

    const settings = await session.callApi<{ integrations: { integrationId: string; slug: string }[] }>(
      'getListenerSettings',
      {}
    )
    const bookingApp = settings.integrations.find((entry) => entry.slug === 'booking-app')
    const verification = { scheme: 'hmac-sha256', header: 'X-Signature', encoding: 'hex', prefix: 'sha256=' }
    await session.callApi('setIntegrationCaptureSettings', { integrationId: bookingApp?.integrationId, verification })

    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    await captureOptions().first().waitFor()
    await expect(captureOptions().count()).resolves.toBe(4)
  })

  it('shows JSON, form and XML payloads sent over HTTP as they arrive', async () => {
    const json = '{"event_name":"be_reserved","hotel_name":"Taj Palace","mobile":"919876543210","room_nights":"2"}'
    await expect(post(port, '/hooks/booking-app', 'application/json', json, signed(json))).resolves.toBe(200)
    await expect(
      post(port, '/hooks/webengage', 'application/x-www-form-urlencoded', 'event_name=Added+To+Cart&skuCode=FORMSKU7')
    ).resolves.toBe(200)
    await expect(
      post(
        port,
        '/hooks/webengage',
        'application/xml',
        '<event><name>Promotion Viewed</name><promo>XMLPROMO9</promo></event>'
      )
    ).resolves.toBe(200)
    await page.getByRole('option', { name: /POST \/hooks\/webengage/ }).waitFor()
    await expect(captureOptions().count()).resolves.toBe(7)
    const titles = await captureOptions().locator('.list-item-title').allTextContents()
    expect(titles.slice(0, 3)).toEqual(['POST /hooks/webengage', 'Added To Cart', 'be_reserved'])
    await session.screenshot('captures-inbox')
  })

  it('finds a capture by full-text search', async () => {
    await page.getByLabel('Search captures').fill('XMLPROMO9')
    await expect.poll(() => captureOptions().count()).toBe(1)
    await page.getByLabel('Search captures').fill('FORMSKU7')
    await page.getByRole('option', { name: /Added To Cart/ }).waitFor()
    await expect.poll(() => captureOptions().count()).toBe(1)
    await page.getByLabel('Search captures').fill('')
    await expect.poll(() => captureOptions().count()).toBe(7)
  })

  it('goes to the search box from another screen with Ctrl+Shift+F', async () => {
    const shown = (label: string) => page.getByRole('button', { name: label, exact: true }).getAttribute('aria-current')
    await page.getByRole('button', { name: 'Events', exact: true }).click()
    await expect.poll(() => shown('Events')).toBe('page')
    await page.keyboard.press('Control+Shift+F')
    await expect.poll(() => shown('Inbox')).toBe('page')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Search captures')
    await page.keyboard.type('XMLPROMO9')
    await expect.poll(() => captureOptions().count()).toBe(1)
    await page.getByLabel('Search captures').fill('')
    await expect.poll(() => captureOptions().count()).toBe(7)
  })

  it('brings no earlier search back when Ctrl+Z in the list has nothing to undo', async () => {
    const list = page.getByRole('listbox', { name: 'Captures' })
    await list.press('Control+z')
    await expect(page.getByLabel('Search captures').inputValue()).resolves.toBe('')
    await expect.poll(() => captureOptions().count()).toBe(7)
  })

  it('opens a capture in Monaco with its headers and signature verdict', async () => {
    await captureOptions().filter({ hasText: 'be_reserved' }).first().click()
    const body = page.getByRole('region', { name: 'Capture body' })
    await body.locator('.monaco-editor .view-lines').waitFor()
    await expect
      .poll(async () => (await body.locator('.view-lines').innerText()).replace(/\u00a0/g, ' '))
      .toContain('"hotel_name": "Taj Palace"')
    await page.getByRole('tab', { name: 'Signature' }).click()
    await page.getByText('Verified', { exact: true }).waitFor()
    await page.getByRole('tab', { name: 'Headers' }).click()
    await expect(page.getByRole('table', { name: 'Headers' }).getByText('[masked]').count()).resolves.toBe(1)
    await page.getByRole('tab', { name: 'Body' }).click()
    await body.locator('.monaco-editor .view-lines').waitFor()
    await session.screenshot('captures-detail')
  })

  it('moves the focus on with Tab from the read-only body viewer, and back with Shift+Tab', async () => {
    const body = page.getByRole('region', { name: 'Capture body' })
    const focusIn = () => body.evaluate((element) => element.contains(document.activeElement))
    await expect.poll(() => linesOf(body)).toContain('"hotel_name": "Taj Palace"')
    const before = await linesOf(body)
    await body.locator('.view-lines').click()
    await expect.poll(focusIn).toBe(true)
    await page.keyboard.press('Tab')
    await expect.poll(focusIn).toBe(false)
    await page.keyboard.press('Shift+Tab')
    await expect.poll(focusIn).toBe(true)
    await page.keyboard.press('Shift+Tab')
    await expect.poll(focusIn).toBe(false)
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('tab')
    await expect(linesOf(body)).resolves.toBe(before)
  })

  it('keeps Tab for indenting in the Edit & replay editor, saying how to move on: Escape, then Tab', async () => {
    await page.getByRole('button', { name: 'Edit & replay' }).click()
    const dialog = page.getByRole('dialog', { name: /Edit and replay capture/ })
    const editor = dialog.getByRole('region', { name: 'Edited body' })
    await editor.locator('.monaco-editor .view-lines').waitFor()
    await expect.poll(() => linesOf(editor)).toContain('be_reserved')
    const hint = dialog.getByText('Tab indents here: press Escape, then Tab, to move on.')
    await expect(hint.isVisible()).resolves.toBe(true)
    const hintId = await hint.getAttribute('id')
    await expect(editor.locator('[role="textbox"]').getAttribute('aria-describedby')).resolves.toBe(hintId)
    const focusIn = () => editor.evaluate((element) => element.contains(document.activeElement))
    const before = await linesOf(editor)
    await editor.locator('.view-lines').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Tab')
    await expect.poll(() => linesOf(editor)).not.toBe(before)
    await expect(focusIn()).resolves.toBe(true)
    await page.keyboard.press('Control+z')
    await expect.poll(() => linesOf(editor)).toBe(before)
    // Escape in the editor is the way out's first half: the dialog, and the edits, stay.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    await expect.poll(focusIn).toBe(false)
    await expect(dialog.isVisible()).resolves.toBe(true)
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel')
    await expect(linesOf(editor)).resolves.toBe(before)
    // Out of the editor, Escape closes the dialog as any other.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })

  it('replays the capture through the mapping', async () => {
    await page.getByRole('button', { name: 'Replay', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: /Replay of capture/ })
    await dialog.getByRole('region', { name: 'Mapping onto be_reserved' }).waitFor()
    await expect(dialog.getByRole('region', { name: 'Mapping onto be_reserved' }).textContent()).resolves.not.toContain(
      'Does not apply'
    )
    await dialog.getByRole('button', { name: 'Replay through the relay' }).click()
    await page.getByText(/The relay never took capture #\d+/).waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })
  })

  it('gives the focus back to Replay once its dialog closes, for a keyboard user', async () => {
    const replay = page.getByRole('button', { name: 'Replay', exact: true })
    await replay.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: /Replay of capture/ })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => replay.evaluate((button) => button === document.activeElement)).toBe(true)
  })

  it('re-sends the capture re-signed, and the listener verifies it', async () => {
    await page.getByRole('button', { name: 'Re-send signed' }).click()
    const reply = page.getByRole('dialog', { name: /the listener answered 200/ })
    await reply.waitFor()
    await expect(reply.textContent()).resolves.toContain('HMAC-SHA256')
    await reply.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => captureOptions().count()).toBe(8)
    await captureOptions().first().click()
    await page.getByRole('tab', { name: 'Signature' }).click()
    await page.getByText('Verified', { exact: true }).waitFor()
  })

  it('warns of drift on the capture that brought a field never seen before, with the way to the mapping', async () => {
    const json = '{"event_name":"be_reserved","hotel_name":"Oberoi","mobile":"919876543210","loyalty_tier":"gold"}'
    await expect(post(port, '/hooks/booking-app', 'application/json', json, signed(json))).resolves.toBe(200)
    await expect.poll(() => captureOptions().count()).toBe(9)
    await captureOptions().first().click()
    const warning = page.getByTestId('drift-warning')
    await warning.waitFor()
    await expect(warning.textContent()).resolves.toContain('This capture brought what no earlier capture had')
    await expect(warning.textContent()).resolves.toContain('loyalty_tier')
    await warning.getByRole('button', { name: 'Check the mapping' }).waitFor()
    await page.getByRole('tab', { name: 'Shape' }).click()
    await page.getByRole('table', { name: 'Inferred shape' }).getByText('loyalty_tier', { exact: true }).waitFor()
    await session.screenshot('captures-drift')
  })

  it('opens a 4 MB body, saying it shows only the start, and stays usable', async () => {
    const items = Array.from({ length: 45_000 }, (_, index) => ({ sku: `SKU-${index}`, note: 'x'.repeat(60) }))
    const big = JSON.stringify({ event_name: 'Bulk Upload', items })
    expect(big.length).toBeGreaterThan(4_000_000)
    await expect(post(port, '/hooks/webengage', 'application/json', big)).resolves.toBe(200)
    await expect.poll(() => captureOptions().count()).toBe(10)
    await captureOptions().filter({ hasText: 'Bulk Upload' }).click()
    await page.getByRole('tab', { name: 'Body' }).click()
    await page
      .getByRole('note')
      .filter({ hasText: /Showing the first [\d,]+ of [\d,]+ characters\./ })
      .waitFor()
    await page.getByRole('region', { name: 'Capture body' }).locator('.monaco-editor .view-lines').waitFor()
    await captureOptions().nth(1).click()
    await page.getByRole('heading', { name: 'POST /hooks/booking-app' }).waitFor()
  })

  it('deletes a capture with the Delete key and puts it back with Ctrl+Z', async () => {
    await captureOptions().filter({ hasText: '#9' }).click()
    await page.getByRole('heading', { name: 'POST /hooks/booking-app' }).waitFor()
    await page.getByRole('listbox', { name: 'Captures' }).press('Delete')
    await expect.poll(() => captureOptions().count()).toBe(9)
    await page.getByRole('status').filter({ hasText: 'Deleted 1 capture' }).waitFor()
    await page.getByRole('listbox', { name: 'Captures' }).press('Control+z')
    await expect.poll(() => captureOptions().count()).toBe(10)
  })

  it('goes to the newest and oldest capture with Home and End, in and out of its detail, and undoes two deletes', async () => {
    const list = page.getByRole('listbox', { name: 'Captures' })
    const selected = () => list.getByRole('option', { selected: true }).textContent()
    await list.press('Home')
    await expect.poll(selected).toContain('#')
    const newest = await selected()
    await list.press('End')
    await expect.poll(selected).not.toBe(newest)
    await list.press('Home')
    await expect.poll(selected).toBe(newest)
    // Enter opens the capture's detail, Escape comes back to the list.
    const focusIn = (selector: string) => page.evaluate((within) => !!document.activeElement?.closest(within), selector)
    await page.locator('.capture-detail').waitFor()
    await list.press('Enter')
    await expect.poll(() => focusIn('.capture-detail')).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => focusIn('[role="listbox"][aria-label="Captures"]')).toBe(true)
    await list.press('Delete')
    await expect.poll(() => captureOptions().count()).toBe(9)
    await list.press('Delete')
    await expect.poll(() => captureOptions().count()).toBe(8)
    await list.press('Control+z')
    await expect.poll(() => captureOptions().count()).toBe(9)
    await list.press('Control+z')
    await expect.poll(() => captureOptions().count()).toBe(10)
  })

  it('sends a shipped sample as a test payload, signed, from the Send dialog', async () => {
    await page.getByRole('button', { name: 'Send a test payload' }).click()
    const dialog = page.getByRole('dialog', { name: 'Send a test payload' })
    await dialog
      .getByLabel('Integration', { exact: true })
      .selectOption({ label: 'Hotel booking app (/hooks/booking-app)' })
    await dialog.getByLabel('Sample', { exact: true }).selectOption({ label: 'Shipped: custom-be-reserved' })
    await expect(dialog.getByLabel('Payload', { exact: true }).inputValue()).resolves.toContain('be_reserved')
    await dialog.getByRole('button', { name: 'Send', exact: true }).click()
    const reply = page.getByRole('dialog', { name: /the listener answered 200/ })
    await reply.waitFor()
    await reply.getByRole('button', { name: 'Close' }).click()
    await expect.poll(() => captureOptions().count()).toBe(11)
    await captureOptions().first().click()
    await page.getByRole('tab', { name: 'Signature' }).click()
    await page.getByText('Verified', { exact: true }).waitFor()
  })

  it('keeps the rows a reader scrolled to in view while new captures arrive on top', async () => {
    for (let index = 0; index < 15; index++) {
      const body = `{"event_name":"be_reserved","hotel_name":"Hotel ${index}"}`
      await expect(post(port, '/hooks/booking-app', 'application/json', body, signed(body))).resolves.toBe(200)
    }
    const list = page.getByRole('listbox', { name: 'Captures' })
    // The virtual list renders only the rows near the view: its full height says how many captures it holds.
    const listedRows = () => list.evaluate((element) => Math.round(element.scrollHeight / 52))
    await expect.poll(listedRows).toBe(26)
    await list.evaluate((element) => (element.scrollTop = 260))
    const firstVisible = () =>
      list.evaluate((element) => {
        const top = element.getBoundingClientRect().top
        const rows = [...element.querySelectorAll('[role="option"]')]
        const row = rows.find((candidate) => candidate.getBoundingClientRect().bottom > top + 1)
        return row?.id ?? null
      })
    const before = await firstVisible()
    expect(before).not.toBeNull()
    const body = '{"event_name":"be_reserved","hotel_name":"Late arrival"}'
    await expect(post(port, '/hooks/booking-app', 'application/json', body, signed(body))).resolves.toBe(200)
    await expect.poll(listedRows).toBe(27)
    await expect.poll(firstVisible).toBe(before)
  })

  it('keeps the tunnel’s public URL and shows the webhook settings to paste', async () => {
    await page.getByRole('button', { name: 'Integrations', exact: true }).click()
    await page.getByRole('option', { name: /Hotel booking app/ }).click()
    const panel = page.getByRole('region', { name: 'Reaching the listener from the cloud' })
    await panel.getByLabel('Public URL of the tunnel').fill('https://inbox-demo.ngrok-free.app/')
    await panel.getByRole('button', { name: 'Save URL' }).click()
    const settings = panel.getByRole('definition').first()
    await expect.poll(() => settings.textContent()).toBe('https://inbox-demo.ngrok-free.app/hooks/booking-app')
    await expect(panel.textContent()).resolves.toContain('HMAC-SHA256')
    await panel.scrollIntoViewIfNeeded()
    await session.screenshot('captures-tunnel')
  })

  it('watches Capillary’s Event Notifications through a capture-only integration made from the palette', async () => {
    await page.keyboard.press('Control+Shift+P')
    await page.getByPlaceholder('Type a command…').fill('New Capillary Notifications')
    await page.getByRole('option', { name: /New Capillary Notifications Integration/ }).click()
    const created = page.getByRole('option', { name: /Capillary notifications/ })
    await created.waitFor()
    await created.getByText('Capture only').waitFor()
    const notification = '{"eventName":"pointsIssued","orgId":1,"data":{"points":120}}'
    await expect(post(port, '/hooks/capillary-notifications', 'application/json', notification)).resolves.toBe(200)
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    await page.getByRole('option', { name: /pointsIssued/ }).click()
    await page.getByRole('button', { name: 'Replay', exact: true }).click()
    await page
      .getByRole('dialog', { name: /Replay of capture/ })
      .getByText(/only captures/)
      .waitFor()
    await page.keyboard.press('Escape')
  })

  it('looks right in the dark theme', async () => {
    const toggleTheme = async () => {
      await page.keyboard.press('Control+Shift+P')
      await page.getByPlaceholder('Type a command…').fill('Toggle Light/Dark Theme')
      await page.getByRole('option', { name: /Toggle Light\/Dark Theme/ }).click()
    }
    await captureOptions().filter({ hasText: 'be_reserved' }).first().click()
    await page.getByRole('tab', { name: 'Body' }).click()
    await toggleTheme()
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark')
    await page.getByRole('region', { name: 'Capture body' }).locator('.monaco-editor .view-lines').waitFor()
    await session.screenshot('captures-detail-dark')
    await toggleTheme()
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light')
  })

  it('shows every problem of a replay, none under the output’s editor', async () => {
    const body = '{"event_name":"be_reserved","note":"REPLAYLAYOUT"}'
    await expect(post(port, '/hooks/booking-app', 'application/json', body, signed(body))).resolves.toBe(200)
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    await page.getByLabel('Search captures').fill('REPLAYLAYOUT')
    await expect.poll(() => captureOptions().count()).toBe(1)
    await captureOptions().first().click()
    await page.getByLabel('Search captures').fill('')
    await page.getByRole('button', { name: 'Replay', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: /Replay of capture/ })
    const problems = dialog.getByRole('list', { name: 'Problems mapping onto be_reserved' }).getByRole('listitem')
    await problems.first().waitFor()
    await expect(problems.first().textContent()).resolves.toMatch(/^Error: .*No customer identifier/)
    await dialog.locator('.monaco-editor .view-lines').waitFor()
    const editor = await dialog.locator('.capture-replay-output').boundingBox()
    for (const problem of await problems.all()) {
      await problem.scrollIntoViewIfNeeded()
      const box = await problem.boundingBox()
      expect(box && editor && (box.y + box.height <= editor.y || box.y >= editor.y + editor.height)).toBe(true)
      // Nothing is drawn over it: the point at its middle belongs to it.
      const onTop = await problem.evaluate((item) => {
        const rect = item.getBoundingClientRect()
        return item.contains(document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2))
      })
      expect(onTop).toBe(true)
    }
    await session.screenshot('captures-replay-problems')
    await dialog.getByRole('button', { name: 'Close' }).click()
  })

  it('says a test payload is not JSON before sending it, and shows the listener’s refusal readably', async () => {
    await page.getByRole('button', { name: 'Send a test payload' }).click()
    const dialog = page.getByRole('dialog', { name: 'Send a test payload' })
    await dialog.getByLabel('Payload', { exact: true }).fill('not json at all')
    await dialog.getByRole('alert').filter({ hasText: 'This payload is not valid JSON' }).waitFor()
    await expect(dialog.getByRole('button', { name: 'Send', exact: true }).isDisabled()).resolves.toBe(true)
    await dialog.getByRole('checkbox', { name: /Send it anyway/ }).check()
    await dialog.getByRole('button', { name: 'Send invalid JSON' }).click()
    const reply = page.getByRole('dialog', { name: 'Sent: the listener refused it (400)' })
    await reply.getByRole('definition').filter({ hasText: '400 Bad Request' }).waitFor()
    await reply
      .getByRole('definition')
      .filter({ hasText: /JSON value expected but got 'n' \(invalid_json\)$/ })
      .waitFor()
    await expect(reply.getByLabel('Raw listener answer').isVisible()).resolves.toBe(false)
    const link = reply.getByRole('button', { name: /^#\d+$/ })
    const id = ((await link.textContent()) ?? '').slice(1)
    await link.click()
    await page.getByRole('region', { name: `Capture ${id}` }).waitFor()
  })

  it('lets go of the open capture when a search hides it', async () => {
    await expect(post(port, '/hooks/unknown-thing', 'application/json', '{"a":1}')).resolves.toBe(200)
    await captureOptions().filter({ hasText: 'unknown-thing' }).first().click()
    await page.getByRole('heading', { name: 'POST /hooks/unknown-thing' }).waitFor()
    await page.getByLabel('Search captures').fill('Oberoi')
    await expect.poll(() => captureOptions().count()).toBe(1)
    await page.getByText(/Select a capture to see its body/).waitFor()
    await page.getByLabel('Search captures').fill('')
  })

  it('opens a capture of an integration without a mapping in the designer as that, and creates the mapping there', async () => {
    const events = await session.callApi<EventDefinition[]>('listEvents', {})
    // The event the integration's map gives the capture's source event: the dialog proposes it.
    const meant = events[events.length - 1]!
    const shop = await session.callApi<Integration>('createIntegration', {
      draft: {
        name: 'Shop Orders',
        slug: 'shop-orders',
        kind: 'custom',
        sourceAccount: '',
        eventNameField: 'event_name',
        eventNameMap: [{ sourceName: 'order_placed', eventName: meant.name }]
      }
    })
    const body = '{"event_name":"order_placed","order_id":"SO-1001"}'
    await expect(post(port, '/hooks/shop-orders', 'application/json', body)).resolves.toBe(200)
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    const row = captureOptions().filter({ hasText: 'order_placed' })
    await row.click()
    await page.getByRole('heading', { name: 'POST /hooks/shop-orders' }).waitFor()
    const id = /#(\d+)/.exec((await row.locator('.list-item-meta').textContent()) ?? '')?.[1]
    await page.getByRole('button', { name: 'Replay', exact: true }).click()
    await page
      .getByRole('dialog', { name: /Replay of capture/ })
      .getByRole('button', { name: 'Open in mapping designer' })
      .click()

    const notice = page.getByTestId('capture-without-mapping')
    await notice.getByRole('heading', { name: 'Shop Orders has no mapping yet' }).waitFor()
    await expect(notice.textContent()).resolves.toContain(`Capture #${id} (order_placed) came to /hooks/shop-orders`)
    // No other mapping, with another payload, stands in for it.
    await expect(page.locator('.mapping-header').count()).resolves.toBe(0)
    const mappings = page.getByRole('listbox', { name: 'Mappings' })
    await expect(mappings.getByRole('option', { selected: true }).count()).resolves.toBe(0)
    await session.screenshot('mapping-capture-without-mapping')

    await notice.getByRole('button', { name: 'Create a mapping for Shop Orders' }).click()
    const dialog = page.getByRole('dialog', { name: 'New mapping' })
    await expect(dialog.getByLabel('Integration').inputValue()).resolves.toBe(shop.id)
    await expect(dialog.getByLabel('Event').inputValue()).resolves.toBe(meant.id)
    await expect(dialog.textContent()).resolves.toContain(`Capture #${id} will be the payload under test`)
    await dialog.getByRole('button', { name: 'Create mapping' }).click()
    await page
      .locator('.mapping-header h2')
      .filter({ hasText: `Shop Orders → ${meant.name}` })
      .waitFor()
    await expect.poll(() => page.getByLabel('Capture under test').inputValue()).toBe(id)
    await mappings.getByRole('option', { name: new RegExp(`${meant.name}.*Shop Orders`), selected: true }).waitFor()
  })

  it('says a capture that matched no integration has no mapping to open, and goes back to it', async () => {
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    const row = captureOptions().filter({ hasText: 'unknown-thing' }).first()
    await row.click()
    await page.getByRole('heading', { name: 'POST /hooks/unknown-thing' }).waitFor()
    const id = /#(\d+)/.exec((await row.locator('.list-item-meta').textContent()) ?? '')?.[1]
    await page.getByRole('button', { name: 'Open in mapping designer' }).click()
    const notice = page.getByTestId('capture-without-mapping')
    await notice.getByRole('heading', { name: `Capture #${id} matched no integration` }).waitFor()
    await expect(notice.textContent()).resolves.toContain('It came to /hooks/unknown-thing')
    await expect(page.locator('.mapping-header').count()).resolves.toBe(0)
    await notice.getByRole('button', { name: `Back to capture #${id}` }).click()
    await page.getByRole('region', { name: `Capture ${id}` }).waitFor()
  })

  it('says no mapping of the booking app reads the sample’s order, which names no source event, and offers one', async () => {
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    await page.getByLabel('Search captures').fill('SO-100482')
    await expect.poll(() => captureOptions().count()).toBe(1)
    await captureOptions().first().click()
    await page.getByRole('heading', { name: 'POST /hooks/booking-app' }).waitFor()
    await page.getByRole('button', { name: 'Open in mapping designer' }).click()
    const notice = page.getByTestId('capture-without-mapping')
    await notice.getByRole('heading', { name: 'No mapping of Hotel booking app reads this capture' }).waitFor()
    await expect(notice.textContent()).resolves.toContain('with no source event name at event_name')
    await session.screenshot('mapping-capture-other-event')
    await notice.getByRole('button', { name: 'Create a mapping for Hotel booking app' }).click()
    const dialog = page.getByRole('dialog', { name: 'New mapping' })
    const chosen = dialog
      .getByLabel('Integration')
      .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)
    await expect(chosen).resolves.toContain('Hotel booking app')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    await page.getByLabel('Search captures').fill('')
    await expect.poll(() => captureOptions().count()).toBeGreaterThan(1)
  })

  it('keeps the capture’s actions in their places from capture to capture, its title on one line, at 1024 by 700', async () => {
    await page.setViewportSize({ width: 1024, height: 700 })
    const longPath = '/hooks/a-sender-whose-path-is-much-longer-than-the-detail-pane-is-wide'
    await expect(post(port, longPath, 'application/json', '{"a":2}')).resolves.toBe(200)
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    const actions = page.getByRole('group', { name: 'Capture actions' })
    const heading = page.locator('.capture-detail h1')
    /** Every action's name and box, for the capture shown. */
    const layout = () =>
      actions.getByRole('button').evaluateAll((buttons) =>
        buttons.map((button) => {
          const box = button.getBoundingClientRect()
          const name = button.getAttribute('aria-label') ?? button.textContent?.trim()
          return `${name} ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`
        })
      )
    // A long path, a capture that matched no integration (long facts, actions disabled) and a mapped one.
    const shown: string[][] = []
    for (const [text, title] of [
      ['a-sender-whose-path', `POST ${longPath}`],
      ['unknown-thing', 'POST /hooks/unknown-thing'],
      ['order_placed', 'POST /hooks/shop-orders']
    ] as const) {
      await captureOptions().filter({ hasText: text }).first().click()
      await page.getByRole('heading', { name: title }).waitFor()
      shown.push(await layout())
      // One line, never broken inside a word: what does not fit is cut, the whole of it in the tooltip.
      const line = await heading.evaluate((element) => {
        const style = getComputedStyle(element)
        return {
          height: element.getBoundingClientRect().height,
          lineHeight: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5,
          cut: element.scrollWidth > element.clientWidth
        }
      })
      expect(line.height).toBeLessThan(line.lineHeight * 1.5)
      expect(line.cut).toBe(title.length > 40)
      await expect(heading.getAttribute('title')).resolves.toBe(title)
      if (line.cut) await session.screenshot('captures-inbox-1024')
    }
    expect(shown[0]).toHaveLength(9)
    expect(shown[1]).toEqual(shown[0])
    expect(shown[2]).toEqual(shown[0])
    // What does not apply stays in its place, disabled, and its tooltip says why.
    const resign = actions.getByRole('button', { name: 'Re-send signed' })
    await captureOptions().filter({ hasText: 'unknown-thing' }).first().click()
    await page.getByRole('heading', { name: 'POST /hooks/unknown-thing' }).waitFor()
    await expect(resign.isDisabled()).resolves.toBe(true)
    await expect(resign.getAttribute('title')).resolves.toMatch(/Unavailable: it matched no integration\.$/)
    await page.setViewportSize({ width: 1280, height: 800 })
  })

  it('says a capture of a capture-only integration is never mapped, and offers no mapping to create', async () => {
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    const row = captureOptions().filter({ hasText: 'pointsIssued' }).first()
    await row.click()
    await page.getByRole('heading', { name: 'POST /hooks/capillary-notifications' }).waitFor()
    const id = /#(\d+)/.exec((await row.locator('.list-item-meta').textContent()) ?? '')?.[1]
    await page.getByRole('button', { name: 'Open in mapping designer' }).click()
    const notice = page.getByTestId('capture-without-mapping')
    await notice.getByRole('heading', { name: /only captures$/ }).waitFor()
    await expect(notice.textContent()).resolves.toContain('never mapped and nothing it receives is relayed')
    await expect(notice.getByRole('button', { name: /Create a mapping/ }).count()).resolves.toBe(0)
    await expect(page.getByRole('button', { name: /Create a mapping/ }).count()).resolves.toBe(0)
    await session.screenshot('mapping-capture-only')
    await notice.getByRole('button', { name: `Back to capture #${id}` }).click()
    await page.getByRole('region', { name: `Capture ${id}` }).waitFor()
  })

  it('made no request off its own origin and raised no page error', () => {
    expect(session.watched.offOrigin).toEqual([])
    expect(session.watched.pageErrors).toEqual([])
  })
})

describe('the capture inbox with 100,000 captures', () => {
  let session: StudioInBrowser
  let page: Page

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Flood', sample: true })
    page = session.page
    // Written through a second connection beside the running studio, as `capmap listen` would.
    const db = openProjectDatabase(join(session.folder, 'Flood.capmap'))
    try {
      const captures = new CaptureRepository(db)
      const body = new TextEncoder().encode('{"event_name":"Added To Cart","skuCode":"14572567"}')
      for (let batch = 0; batch < 100; batch++) {
        captures.insert(
          Array.from({ length: 1000 }, (_, index) => ({
            receivedAt: new Date(Date.UTC(2026, 10, 28, 10, 0, 0, batch * 1000 + index)).toISOString(),
            integrationId: null,
            integrationSlug: null,
            sourceEvent: `flood ${batch * 1000 + index}`,
            method: 'POST',
            path: '/hooks/unknown',
            contentType: 'application/json',
            size: body.length,
            status: 'unmatched' as const,
            statusReason: 'No integration listens at /hooks/unknown.',
            responseStatus: 200,
            verification: { scheme: 'none' as const, outcome: 'not_checked' as const },
            redacted: false,
            bodyKind: 'json' as const,
            remoteAddress: '127.0.0.1',
            query: [],
            headers: [['Content-Type', 'application/json'] as [string, string]],
            body
          }))
        )
      }
    } finally {
      db.close()
    }
  })

  afterAll(() => session?.close())

  it('renders only the rows in view and pages in older captures as the list scrolls', async () => {
    await page.goto(session.studio.launchUrl)
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    const list = page.getByRole('listbox', { name: 'Captures' })
    await list.getByRole('option').first().waitFor()
    const heldRows = () => list.evaluate((element) => Math.round(element.scrollHeight / 52))
    // A page of 200 and the row that says older ones are loading.
    await expect.poll(heldRows).toBe(201)
    for (let page = 1; page <= 5; page++) {
      await list.evaluate((element) => (element.scrollTop = element.scrollHeight))
      await expect.poll(heldRows).toBe(200 * (page + 1) + 1)
    }
    expect(await list.getByRole('option').count()).toBeLessThan(60)
    await list
      .getByRole('option', { name: /flood 98\d\d\d/ })
      .first()
      .waitFor()
    await session.screenshot('captures-flood')
  })

  it('finds one capture among them by full-text search', async () => {
    await page.getByLabel('Search captures').fill('"flood 12345"')
    const list = page.getByRole('listbox', { name: 'Captures' })
    await list.getByRole('option', { name: /flood 12345/ }).waitFor()
    await expect.poll(() => list.getByRole('option').count()).toBe(1)
  })
})
