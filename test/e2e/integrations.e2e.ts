import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStudioInBrowser, type StudioInBrowser } from './support/studioInBrowser'

describe('the Integrations screen in web mode', () => {
  let session: StudioInBrowser
  let page: Page

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Sample', sample: true })
    page = session.page
  })

  afterAll(() => session?.close())

  const openIntegrations = async () => {
    await page.getByTestId('status-project').filter({ hasText: 'Sample' }).waitFor()
    await page.getByRole('button', { name: 'Integrations', exact: true }).click()
    await page.getByRole('listbox', { name: 'Integrations' }).waitFor()
  }
  const selectIntegration = async (name: string) => {
    await page.getByRole('option', { name: new RegExp(name) }).click()
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe(name)
  }
  const webEngageCard = () => page.getByRole('article', { name: 'WebEngage transformer' })
  const runCommand = async (title: string) => {
    await page.keyboard.press('Control+Shift+P')
    await page.getByPlaceholder('Type a command…').fill(title)
    await page
      .getByRole('option', { name: new RegExp(title) })
      .first()
      .click()
  }

  it("lists the sample project's two integrations", async () => {
    await page.goto(session.studio.launchUrl)
    await openIntegrations()
    const names = await page.getByRole('option').locator('.list-item-title').allTextContents()
    expect(names).toEqual(['Hotel booking app', 'WebEngage storefront'])
  })

  it('creates a WebEngage integration, sets its slug and maps a source event name', async () => {
    await page.getByRole('button', { name: 'New integration' }).click()
    const name = page.getByLabel('Name', { exact: true })
    await expect(name.inputValue()).resolves.toBe('New integration')
    await name.fill('WebEngage EU storefront')
    await expect(page.getByLabel('Slug', { exact: true }).inputValue()).resolves.toBe('webengage-eu-storefront')
    await page.getByLabel('Kind', { exact: true }).selectOption('webengage')
    await page.getByLabel('Slug', { exact: true }).fill('webengage-eu')
    // The studio listens (web mode starts the listener): the whole URL to give the sender.
    await expect(page.getByLabel('Local listener URL').textContent()).resolves.toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/hooks\/webengage-eu$/
    )

    await page.getByRole('button', { name: 'Add source name' }).click()
    await page.getByLabel('Source event name, row 1').fill('Product Viewed')
    await page.getByLabel('Capillary event, row 1').selectOption('ProductAddedToCart')
    await page.getByTestId('integration-save').filter({ hasText: 'All changes saved' }).waitFor()
    await page.getByRole('option', { name: /WebEngage EU storefront/ }).waitFor()
  })

  it('keeps the new integration across a reload', async () => {
    await page.reload()
    await openIntegrations()
    await selectIntegration('WebEngage EU storefront')
    await expect(page.getByLabel('Slug', { exact: true }).inputValue()).resolves.toBe('webengage-eu')
    await expect(page.getByLabel('Kind', { exact: true }).inputValue()).resolves.toBe('webengage')
    await expect(page.getByLabel('Source account').inputValue()).resolves.toBe('WEB_ENGAGE')
    await expect(page.getByLabel('Source event name, row 1').inputValue()).resolves.toBe('Product Viewed')
    await expect(page.getByLabel('Capillary event, row 1').inputValue()).resolves.toBe('ProductAddedToCart')
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light')
    await session.screenshot('integrations-light')
  })

  it("sets the WebEngage webhook's till code, shared by both WebEngage integrations, and keeps it", async () => {
    await page.getByRole('button', { name: 'Capillary webhooks' }).click()
    await expect(
      webEngageCard()
        .getByText(/Shared by/)
        .textContent()
    ).resolves.toBe('Shared by 2 integrations: WebEngage EU storefront, WebEngage storefront.')
    const tillCode = webEngageCard().getByLabel('Till code')
    await expect(tillCode.inputValue()).resolves.toBe('demo.till1')
    await tillCode.fill('eu.till1')
    await webEngageCard()
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor()
    await session.screenshot('integrations-webhooks-light')

    await page.reload()
    await openIntegrations()
    await page.getByRole('button', { name: 'Capillary webhooks' }).click()
    await expect(webEngageCard().getByLabel('Till code').inputValue()).resolves.toBe('eu.till1')
  })

  it('creates an integration from the palette and deletes it once the dialog is confirmed', async () => {
    await runCommand('New Integration')
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('New integration')
    await page.getByRole('option', { name: /New integration/ }).waitFor()
    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete New integration?' })
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
    await page.getByRole('option', { name: /New integration/ }).waitFor({ state: 'detached' })
    await expect(page.getByRole('option').count()).resolves.toBe(3)
  })

  it('looks right in the dark theme', async () => {
    await selectIntegration('WebEngage storefront')
    await runCommand('Toggle Light/Dark Theme')
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark')
    await session.screenshot('integrations-dark')
    await runCommand('Toggle Light/Dark Theme')
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('light')
  })

  it('made no request off its own origin and raised no page error', () => {
    expect(session.watched.offOrigin).toEqual([])
    expect(session.watched.pageErrors).toEqual([])
  })
})
