import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStudioInBrowser, waitForSaved, type StudioInBrowser } from './support/studioInBrowser'
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('the studio in web mode', () => {
  let session: StudioInBrowser
  let page: Page

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Brand' })
    page = session.page
  })

  afterAll(() => session?.close())

  const runCommand = async (title: string) => {
    await page.keyboard.press('Control+Shift+P')
    const input = page.getByPlaceholder('Type a command…')
    await input.fill(title)
    await page
      .getByRole('option', { name: new RegExp(title) })
      .first()
      .click()
  }

  it('tells a page opened without the token to use the printed URL', async () => {
    const stranger = await session.browser.newPage()
    await stranger.goto(session.studio.origin)
    await expect(stranger.getByRole('heading', { name: 'Use the printed URL' }).isVisible()).resolves.toBe(true)
    await stranger.close()
  })

  it('opens the project given with --project, with an empty state that says what to do', async () => {
    await page.goto(session.studio.launchUrl)
    await page.getByTestId('status-project').filter({ hasText: 'Brand' }).waitFor()
    await page.getByText('No events yet.').waitFor()
    expect(new URL(page.url()).searchParams.has('token')).toBe(false)
  })

  it('creates a custom event and autosaves every edit', async () => {
    await page.getByRole('button', { name: 'New custom event' }).first().click()
    const name = page.getByLabel('Event name')
    await name.fill('store_visit')
    await page.getByRole('button', { name: 'Add attribute' }).click()
    await page.getByLabel('Attribute 2 name').fill('visit_channel')
    await page.getByLabel('Attribute 2 type').selectOption('enum')
    await page.getByLabel(/Possible values/).fill('web,app,store')
    await waitForSaved(page)
    await page.getByRole('option', { name: /store_visit/ }).waitFor()
  })

  it("shows Capillary's name rule at the field while the name breaks it", async () => {
    const name = page.getByLabel('Event name')
    await name.fill('store visit')
    await page.locator('.field-error').first().waitFor()
    await expect(page.locator('.field-error').first().textContent()).resolves.toMatch(/space/i)
    await name.fill('store_visit')
    await page.locator('.field-error').first().waitFor({ state: 'detached' })
    await waitForSaved(page)
  })

  it('keeps the event and its attributes across a reload', async () => {
    await page.reload()
    await page.getByRole('option', { name: /store_visit/ }).click()
    await expect(page.getByLabel('Attribute 2 name').inputValue()).resolves.toBe('visit_channel')
    await expect(page.getByLabel('Attribute 2 type').inputValue()).resolves.toBe('enum')
    await expect(page.getByLabel(/Possible values/).inputValue()).resolves.toBe('web,app,store')
    await session.screenshot('events-light')
  })

  it("shows the event's Capillary definition in a read-only Monaco from the studio's own bundle", async () => {
    await page.getByRole('tab', { name: /Code/ }).click()
    const lines = page.locator('.monaco-editor .view-lines')
    // Monaco fills its lines in after it shows: read them until they hold the definition.
    const text = () => lines.innerText().then((shown) => shown.replace(/\u00a0/g, ' '))
    await expect.poll(text).toContain('"eventName": "store_visit"')
    await expect(text()).resolves.toContain('"/v2/events"')
    await session.screenshot('event-code-light')
    await page.getByRole('tab', { name: 'Design' }).click()
  })

  it('runs commands from the palette: the theme switches to dark and back', async () => {
    const before = await page.evaluate(() => document.documentElement.dataset.theme)
    await runCommand('Toggle Light/Dark Theme')
    const after = await page.evaluate(() => document.documentElement.dataset.theme)
    expect(after).not.toBe(before)
    await session.screenshot(`events-${after}`)
    await runCommand('Toggle Light/Dark Theme')
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(before)
  })

  it("runs a screen's starting commands from any screen, showing that screen", async () => {
    await page.getByRole('button', { name: 'Events', exact: true }).click()
    await runCommand('New Integration')
    await expect
      .poll(() => page.getByRole('button', { name: 'Integrations', exact: true }).getAttribute('aria-current'))
      .toBe('page')
    await page.getByRole('heading', { name: 'New integration', level: 1 }).waitFor()
    // On its own screen the palette lists the screen's command once, not its launcher too.
    await page.keyboard.press('Control+Shift+P')
    await page.getByPlaceholder('Type a command…').fill('New Integration')
    await expect(page.getByRole('option', { name: /New Integration/ }).count()).resolves.toBe(1)
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Events', exact: true }).click()
  })

  it('saves the project as a new file and continues on the copy', async () => {
    const copy = join(session.folder, 'Brand copy.capmap')
    await runCommand('Save Project As')
    const dialog = page.getByRole('dialog', { name: 'Save project as' })
    await dialog.getByLabel('File path').fill(copy)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await page.getByTestId('status-project').filter({ hasText: 'Brand copy' }).waitFor()
    expect(existsSync(copy)).toBe(true)
    await page.getByRole('option', { name: /store_visit/ }).waitFor()
  })

  it('refuses to open a file that is not a project, says why, and leaves it untouched', async () => {
    const notes = join(session.folder, 'notes.capmap')
    writeFileSync(notes, 'these are my notes, not a project\n')
    const before = sha256(notes)
    await runCommand('Open Project')
    const dialog = page.getByRole('dialog', { name: 'Open project' })
    await dialog.getByLabel('File path').fill(notes)
    await dialog.getByRole('button', { name: 'Open', exact: true }).click()
    await expect(dialog.getByRole('alert').textContent()).resolves.toMatch(/not a Capillary Mapping Studio project/)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(sha256(notes)).toBe(before)
    await page.getByTestId('status-project').filter({ hasText: 'Brand copy' }).waitFor()
  })

  it('made no request off its own origin and raised no page error', () => {
    expect(session.watched.offOrigin).toEqual([])
    expect(session.watched.pageErrors).toEqual([])
  })
})
