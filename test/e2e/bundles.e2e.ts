import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Bundle } from '../../shared/bundle/bundleFormat'
import { startStudioInBrowser, type StudioInBrowser } from './support/studioInBrowser'

describe('bundles in the studio (web mode)', () => {
  let session: StudioInBrowser
  let page: Page
  let bundlePath: string

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Shop', sample: true })
    page = session.page
    bundlePath = join(session.folder, 'shop.capmap.json')
    await page.goto(session.studio.launchUrl)
    await page.getByTestId('status-project').filter({ hasText: 'Shop' }).waitFor()
  })

  afterAll(() => session?.close())

  const runCommand = async (title: string) => {
    await page.keyboard.press('Control+Shift+P')
    await page.getByPlaceholder('Type a command…').fill(title)
    await page
      .getByRole('option', { name: new RegExp(title) })
      .first()
      .click()
  }
  const dialog = () => page.getByRole('dialog')

  it('exports the project to a file from the palette, after checking what would leave', async () => {
    await runCommand('Export Bundle')
    const events = dialog().getByRole('group', { name: /^Events to export \(all \d+\)$/ })
    await expect(events.getByRole('checkbox').count()).resolves.toBeGreaterThan(1)
    for (const box of await events.getByRole('checkbox').all()) await expect(box.isChecked()).resolves.toBe(true)
    await dialog().getByLabel('Bundle file path').fill(bundlePath)
    const exportButton = dialog().getByRole('button', { name: 'Export' })
    await page.waitForFunction(
      () => !document.querySelector('.dialog-footer .button-primary')?.hasAttribute('disabled')
    )
    await exportButton.click()
    await dialog().waitFor({ state: 'detached' })
    expect(existsSync(bundlePath)).toBe(true)
    expect(readFileSync(bundlePath, 'utf8').endsWith('}\n')).toBe(true)
  })

  it('asks before replacing the bundle just exported, naming it, and replaces it once told to', async () => {
    writeFileSync(bundlePath, `${readFileSync(bundlePath, 'utf8')}\n`)
    await runCommand('Export Bundle')
    const exportDialog = page.getByRole('dialog', { name: 'Export bundle' })
    await exportDialog.getByLabel('Bundle file path').fill(bundlePath)
    await page.waitForFunction(
      () => !document.querySelector('.dialog-footer .button-primary')?.hasAttribute('disabled')
    )
    await exportDialog.getByRole('button', { name: 'Export' }).click()
    const ask = page.getByRole('dialog', { name: 'Replace existing file?' })
    await ask.getByText(`${bundlePath} already exists.`, { exact: false }).waitFor()
    await ask.getByRole('button', { name: 'Cancel' }).click()
    await ask.waitFor({ state: 'detached' })
    expect(readFileSync(bundlePath, 'utf8').endsWith('}\n\n')).toBe(true)

    await exportDialog.getByRole('button', { name: 'Export' }).click()
    await ask.getByRole('button', { name: 'Replace' }).click()
    await exportDialog.waitFor({ state: 'detached' })
    expect(readFileSync(bundlePath, 'utf8').endsWith('}\n')).toBe(true)
    expect(readFileSync(bundlePath, 'utf8').endsWith('}\n\n')).toBe(false)
  })

  it('previews a changed bundle with its conflict, shows the differences side by side, and takes theirs', async () => {
    // The event is open in its editor while the merge replaces it.
    await page.getByRole('button', { name: 'Events', exact: true }).click()
    await page
      .getByRole('listbox', { name: 'Events' })
      .getByRole('option', { name: /be_reserved/ })
      .click()
    const label = page.getByLabel('Label', { exact: true })
    await expect(label.inputValue()).resolves.not.toBe('Room booking')
    // A teammate relabels the booking event and changes one of its rules.
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as Bundle
    bundle.events.find((event) => event.name === 'be_reserved')!.label = 'Room booking'
    bundle.mappings.find((mapping) => mapping.event === 'be_reserved')!.spec.rules[1]!.transforms = [
      { kind: 'upperCase' }
    ]
    writeFileSync(bundlePath, `${JSON.stringify(bundle, null, 2)}\n`)

    await runCommand('Import Bundle')
    await dialog().getByLabel('Bundle file path').fill(bundlePath)
    await dialog().getByRole('button', { name: 'Preview' }).click()
    const row = dialog().getByRole('row', { name: /be_reserved/ })
    await row.getByText('Conflict').waitFor()
    await expect(row.textContent()).resolves.toContain('changed be_reserved.label')
    await dialog()
      .getByRole('row', { name: /ProductAddedToCart/ })
      .getByText('Identical')
      .waitFor()
    await dialog().getByText('be_reserved was edited by hand since it was exported.').waitFor()

    await dialog().getByRole('button', { name: 'Show differences' }).click()
    const group = dialog().getByRole('region', { name: 'Event be_reserved' })
    await group.getByLabel('be_reserved.label in the bundle').filter({ hasText: 'Room booking' }).waitFor()
    await expect(group.getByLabel('be_reserved.label in this project').textContent()).resolves.not.toContain(
      'Room booking'
    )
    await group.getByText('booking-app → be_reserved.rules.hotel_name.transforms').waitFor()
    await session.screenshot('bundles-diff')

    await dialog().getByRole('button', { name: 'Back to the import' }).click()
    const choice = dialog().getByLabel('Choice for event be_reserved')
    await choice.selectOption('take-theirs')
    await session.screenshot('bundles-merge')
    await dialog().getByRole('button', { name: 'Merge into this project' }).click()
    await dialog().waitFor({ state: 'detached' })
    await page.getByText(/Merged .*shop\.capmap\.json: 1 event replaced\.$/).waitFor()
    // The open editor shows what was merged: its next autosave keeps it, rather than writing the old label back.
    await expect.poll(() => label.inputValue()).toBe('Room booking')
  })

  it('says a bundle opened as a project is a bundle, and how to import it', async () => {
    await page.keyboard.press('Control+o')
    const open = page.getByRole('dialog', { name: 'Open project' })
    await open.getByLabel('File path').fill(bundlePath)
    await open.getByRole('button', { name: 'Open' }).click()
    await expect(open.getByRole('alert').textContent()).resolves.toBe(
      `${bundlePath} is a bundle (an exported *.capmap.json), not a project: bring it in with Import Bundle… (File menu or command palette), which merges it into this project or makes a new project from it.`
    )
    await open.getByRole('button', { name: 'Cancel' }).click()
  })

  it('says in words that a bundle path names no file', async () => {
    const missing = join(session.folder, 'nope.capmap.json')
    await runCommand('Import Bundle')
    await dialog().getByLabel('Bundle file path').fill(missing)
    await dialog().getByRole('button', { name: 'Preview' }).click()
    await dialog().getByRole('alert').getByText(`There is no file at ${missing}.`).waitFor()
    await dialog().getByRole('button', { name: 'Cancel' }).click()
  })

  it('opens the import for a bundle dropped on the window: after the merge, everything is identical', async () => {
    // A file in another encoding is refused before anything is read into the import.
    await page.evaluate(() => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array([0x7b, 0xff, 0x7d])], 'latin.capmap.json'))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    })
    await page.getByText('latin.capmap.json is not UTF-8 text (a bundle is JSON in UTF-8)', { exact: false }).waitFor()
    const text = readFileSync(bundlePath, 'utf8')
    await page.evaluate((content) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([content], 'dropped.capmap.json', { type: 'application/json' }))
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    }, text)
    await dialog().getByLabel('Bundle file path').and(page.locator('[value="dropped.capmap.json (dropped)"]')).waitFor()
    await dialog()
      .getByRole('row', { name: /be_reserved/ })
      .getByText('Identical')
      .waitFor()
    await expect(dialog().getByText('Conflict', { exact: true }).count()).resolves.toBe(0)
    await dialog().getByRole('button', { name: 'Cancel' }).click()
  })
})
