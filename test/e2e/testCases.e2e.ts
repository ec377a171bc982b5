import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mapping } from '../../shared/model/mapping'
import { startStudioInBrowser, type StudioInBrowser } from './support/studioInBrowser'

describe('test cases and the Tested gate in web mode', () => {
  let session: StudioInBrowser
  let page: Page
  let mapping: Mapping

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Tests', sample: true })
    page = session.page
  })

  afterAll(() => session?.close())

  const callApi = <T>(name: string, input: unknown) => session.callApi<T>(name, input)
  const gate = () => page.getByRole('status', { name: 'Tested gate' })
  const eventOption = (name: string) =>
    page.getByRole('listbox', { name: 'Events' }).getByRole('option', { name: new RegExp(name) })

  it("opens the Tests screen on the sample's events, Tested by their passing test cases", async () => {
    await page.goto(session.studio.launchUrl)
    await page.getByTestId('status-project').filter({ hasText: 'Tests' }).waitFor()
    await page.getByRole('button', { name: 'Tests', exact: true }).click()
    await eventOption('be_reserved').click()
    await expect(eventOption('be_reserved').textContent()).resolves.toContain('Tested')
    await gate().filter({ hasText: 'Tested: 1 of 1 test case passes' }).waitFor()
    const mappings = await callApi<Mapping[]>('listMappings', {})
    const events = await callApi<{ id: string; name: string }[]>('listEvents', {})
    const beReserved = events.find((event) => event.name === 'be_reserved')
    mapping = mappings.find((candidate) => candidate.eventId === beReserved?.id) as Mapping
  })

  it('shows event names as written in the Tests and Mappings headers: they are case-sensitive', async () => {
    await eventOption('ProductAddedToCart').click()
    const header = page.getByRole('region', { name: 'Tests of ProductAddedToCart' }).getByRole('heading').first()
    await expect(header.innerText()).resolves.toBe('ProductAddedToCart')
    await page.getByRole('button', { name: 'Mappings', exact: true }).click()
    await page
      .getByRole('listbox', { name: 'Mappings' })
      .getByRole('option', { name: /ProductAddedToCart/ })
      .click()
    const title = page.locator('.mapping-header h2')
    await title.filter({ hasText: 'ProductAddedToCart' }).waitFor()
    await expect(title.innerText()).resolves.toBe('WebEngage storefront → ProductAddedToCart')
    await page.getByRole('button', { name: 'Tests', exact: true }).click()
    await eventOption('be_reserved').click()
  })

  it('saves a test case from a capture, with the mapping output reviewed as its expected output', async () => {
    await page.getByRole('button', { name: 'New test case' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'New test case' })
    const capture = dialog.getByRole('combobox', { name: /^Capture/ })
    await capture.waitFor()
    const labels = await capture.locator('option').allTextContents()
    await capture.selectOption({ label: labels.find((label) => label.includes('be_reserved')) ?? '' })
    await dialog.getByRole('button', { name: 'Preview the output' }).click()
    await dialog
      .getByRole('region', { name: 'Expected output' })
      .getByText(/be_reserved/)
      .first()
      .waitFor()
    await dialog.getByLabel('Name', { exact: true }).fill('Reservation captured at the listener')
    await dialog.getByRole('button', { name: 'Save test case' }).click()
    await page.getByRole('table', { name: 'Test cases' }).getByText('Reservation captured at the listener').waitFor()
    // A new test case has not run: the event is back to Draft until it does.
    await gate().filter({ hasText: 'not run since the last change' }).waitFor()
    await expect(eventOption('be_reserved').textContent()).resolves.toContain('1 of 2 passing · 1 not run')
    await page.getByRole('button', { name: 'Run tests' }).click()
    await gate().filter({ hasText: 'Tested: 2 of 2 test cases pass' }).waitFor()
  })

  it('shows expected against actual when the mapping breaks, and Tested again once it is fixed', async () => {
    const broken = {
      ...mapping,
      rules: mapping.rules.map((rule) =>
        rule.target === 'hotel_name' ? { ...rule, transforms: [{ kind: 'upperCase' }] } : rule
      )
    }
    const { match, fanOut, rules } = broken
    await callApi('saveMapping', {
      integrationId: mapping.integrationId,
      eventId: mapping.eventId,
      spec: { match, fanOut, rules }
    })
    await gate().filter({ hasText: 'Draft until' }).waitFor()
    await page.keyboard.press('Control+Shift+Enter')
    await gate().filter({ hasText: '2 test cases fail' }).waitFor()
    await expect(eventOption('be_reserved').textContent()).resolves.toContain('0 of 2 passing · 2 failing')
    await page.getByRole('table', { name: 'Test cases' }).getByText('A reservation from the booking app').click()
    await page.getByRole('alert').filter({ hasText: 'The outputs differ' }).waitFor()
    const diff = page.getByRole('region', { name: 'Expected against actual' })
    await diff.getByText('INDIRANAGAR').first().waitFor()
    await session.screenshot('tests-diff')

    const { match: m, fanOut: f, rules: r } = mapping
    await callApi('saveMapping', {
      integrationId: mapping.integrationId,
      eventId: mapping.eventId,
      spec: { match: m, fanOut: f, rules: r }
    })
    await page.getByRole('button', { name: 'Run tests' }).click()
    await gate().filter({ hasText: 'Tested: 2 of 2 test cases pass' }).waitFor()
    await expect(eventOption('be_reserved').textContent()).resolves.toContain('Tested')
  })

  it('moves the focus on with Tab from the expected output, and back with Shift+Tab, editing nothing', async () => {
    const editor = page.getByRole('region', { name: 'Expected output' })
    const save = page.getByRole('button', { name: 'Save expected output' })
    const focusInEditor = () => editor.evaluate((element) => element.contains(document.activeElement))
    await expect(save.isDisabled()).resolves.toBe(true)
    await editor.locator('.view-lines').click()
    await expect(focusInEditor()).resolves.toBe(true)
    await page.keyboard.press('Tab')
    await expect.poll(focusInEditor).toBe(false)
    await page.keyboard.press('Shift+Tab')
    await expect.poll(focusInEditor).toBe(true)
    // Saving is offered only for an edit: nothing was typed into the expected output.
    await expect(save.isDisabled()).resolves.toBe(true)
  })

  it('runs a batch over the captures with progress, and can cancel one', async () => {
    // Enough captures for the run to be cancelled on its way: a run over 600 once finished before the Cancel
    // click reached it.
    const port = Number(/:(\d+)/.exec((await page.getByTestId('status-listener').textContent()) ?? '')?.[1])
    expect(port).toBeGreaterThan(0)
    const body = JSON.stringify({ event_name: 'be_reserved', customer_id: '919933772255', hotel_name: 'Koramangala' })
    for (let sent = 0; sent < 3000; sent += 50) {
      await Promise.all(
        Array.from({ length: 50 }, () =>
          fetch(`http://127.0.0.1:${port}/hooks/booking-app`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: 'Basic ZGVtby50aWxsMTpzZWNyZXQ=' },
            body
          })
        )
      )
    }
    await page.getByRole('tab', { name: 'Batch run' }).click()
    await page.getByRole('button', { name: 'Run over all captures' }).click()
    await page.getByRole('button', { name: 'Cancel' }).click()
    await page.getByText(/of \d+ captures, cancelled/).waitFor()

    await page.getByRole('button', { name: 'Run over all captures' }).click()
    await page.getByRole('table', { name: 'Batch run summary' }).waitFor()
    await page.getByText(/^(\d+) of \1 captures$/).waitFor({ timeout: 60_000 })
    const progress = page.getByRole('progressbar', { name: 'Batch run progress' })
    await expect(progress.getAttribute('aria-valuetext')).resolves.toMatch(/^(\d+) of \1 captures$/)
    // Every outcome's row opens its captures, the valid ones' too.
    const valid = page.getByRole('table', { name: 'Batch run summary' }).getByRole('row', { name: /^Valid/ })
    await valid
      .getByRole('button', { name: /^#\d+$/ })
      .first()
      .waitFor()
  })

  it('shows coverage and runs edge cases, keeping one as a test case', async () => {
    await page.getByRole('tab', { name: 'Coverage' }).click()
    await page.getByRole('heading', { name: /Source fields no rule reads/ }).waitFor()
    await page.getByRole('heading', { name: /Rules no test case exercises \(0\)/ }).waitFor()
    await session.screenshot('tests-coverage')

    await page.getByRole('tab', { name: 'Edge cases' }).click()
    await page.getByRole('button', { name: 'Run edge cases' }).click()
    const table = page.getByRole('table', { name: 'Edge cases' })
    const missingCustomer = table.getByRole('row', { name: /customer_id is missing/ })
    // In words, the engine's code kept for its tooltip.
    await missingCustomer.locator('[data-code="missing_customer"]').waitFor()
    await expect(missingCustomer.textContent()).resolves.not.toContain('missing_customer')
    await missingCustomer.getByRole('button', { name: 'Keep as test case' }).click()
    await page
      .getByRole('table', { name: 'Test cases' })
      .getByRole('cell', { name: 'customer_id is missing', exact: true })
      .waitFor()
  })
  it('saves a test case from a capture in the inbox', async () => {
    await page.getByRole('button', { name: 'Inbox', exact: true }).click()
    await page
      .getByRole('listbox', { name: 'Captures' })
      .getByRole('option', { name: /be_reserved/ })
      .first()
      .click()
    await page.getByRole('button', { name: 'Save as test case' }).click()
    const dialog = page.getByRole('dialog', { name: 'New test case' })
    await expect.poll(() => dialog.getByRole('combobox', { name: /^Mapping/ }).inputValue()).toBe(mapping.id)
    await dialog.getByRole('button', { name: 'Preview the output' }).click()
    await dialog
      .getByRole('region', { name: 'Expected output' })
      .getByText(/be_reserved/)
      .first()
      .waitFor()
    // A name the mapping's test cases already have is refused at the field, before anything is saved.
    await dialog.getByLabel('Name', { exact: true }).fill('a reservation FROM the booking app')
    await dialog.getByRole('button', { name: 'Save test case' }).click()
    await dialog
      .getByText(
        'This mapping already has a test case named A reservation from the booking app: give this one another name.'
      )
      .waitFor()
    await expect(
      dialog.getByLabel('Name', { exact: true }).evaluate((field) => field === document.activeElement)
    ).resolves.toBe(true)
    await dialog.getByLabel('Name', { exact: true }).fill('Saved from the inbox')
    await dialog.getByRole('button', { name: 'Save test case' }).click()
    await page
      .getByRole('table', { name: 'Test cases' })
      .getByRole('cell', { name: 'Saved from the inbox', exact: true })
      .waitFor()
  })
})
