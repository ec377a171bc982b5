import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStudioInBrowser, waitForSaved, type StudioInBrowser } from './support/studioInBrowser'

describe('the event designer', () => {
  let session: StudioInBrowser
  let page: Page

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Hotel' })
    page = session.page
    await page.goto(session.studio.launchUrl)
    await page.getByText('No events yet.').waitFor()
  })

  afterAll(() => session?.close())

  /** Waits until the rule with this code is shown at a field, then returns its message. */
  const issue = async (code: string) => {
    const shown = page.locator(`[data-code="${code}"]`).first()
    await shown.waitFor()
    return shown.textContent()
  }
  const noIssue = (code: string) => page.locator(`[data-code="${code}"]`).first().waitFor({ state: 'detached' })
  const attribute = (n: number) => ({
    name: page.getByLabel(`Attribute ${n} name`),
    type: page.getByLabel(`Attribute ${n} type`)
  })

  it('flags an event name with spaces, then with a double underscore, until it follows the rules', async () => {
    await page.getByRole('button', { name: 'New custom event' }).first().click()
    await expect(page.getByRole('option', { name: /new_event/ }).textContent()).resolves.toMatch(/1 attribute(?!s)/)
    const name = page.getByLabel('Event name')
    await name.fill('Room Booked')
    await expect(issue('event_name_has_spaces')).resolves.toContain('roomBooked')
    await name.fill('room__booked')
    await issue('event_name_double_underscore')
    await name.fill('room_booked')
    await noIssue('event_name_double_underscore')
  })

  it('flags enum values that are missing or have stray spaces', async () => {
    await page.getByRole('button', { name: 'Add attribute' }).click()
    // The new name takes the focus, and is called empty only once the user leaves it so.
    await expect(attribute(2).name.evaluate((input) => input === document.activeElement)).resolves.toBe(true)
    await expect(page.locator('[data-code="attribute_name_empty"]').count()).resolves.toBe(0)
    await page.keyboard.press('Tab')
    await issue('attribute_name_empty')
    await attribute(2).name.fill('stay_type')
    await attribute(2).type.selectOption('enum')
    await issue('enum_values_missing')
    await page.getByLabel(/Possible values/).fill('suite, deluxe')
    await issue('enum_value_untrimmed')
    await page.getByLabel(/Possible values/).fill('suite,deluxe')
    await noIssue('enum_value_untrimmed')
  })

  it('flags an attribute name that is too long or already used', async () => {
    await page.getByRole('button', { name: 'Add attribute' }).click()
    await attribute(3).name.fill('a'.repeat(51))
    await issue('attribute_name_too_long')
    await attribute(3).name.fill('stay_type')
    await issue('attribute_name_duplicate')
    await attribute(3).name.fill('check_in')
    await attribute(3).type.selectOption('date')
    await noIssue('attribute_name_duplicate')
  })

  it('flags a regex that does not compile', async () => {
    await page.getByRole('button', { name: 'Add attribute' }).click()
    await attribute(4).name.fill('promo_code')
    await page.getByLabel('Regex (optional)').fill('([A-Z]+')
    await issue('regex_invalid')
    await page.getByLabel('Regex (optional)').fill('^[A-Z]+$')
    await noIssue('regex_invalid')
  })

  it('asks for the account only when the customer source has several accounts', async () => {
    await expect(page.getByLabel('Account ID').count()).resolves.toBe(0)
    await page.getByLabel('Source').selectOption('WECHAT')
    await page.getByLabel('Account ID').fill('brand-wechat-1')
    await waitForSaved(page)
  })

  it('flags a missing customer field, and undo and redo bring it back and take it away', async () => {
    await page.getByRole('button', { name: 'Remove attribute customer' }).click()
    await issue('customer_missing')
    await page.keyboard.press('Control+z')
    await noIssue('customer_missing')
    await expect(attribute(1).name.inputValue()).resolves.toBe('customer')
    await page.keyboard.press('Control+Shift+z')
    await issue('customer_missing')
    await page.keyboard.press('Control+z')
    await noIssue('customer_missing')
    await expect(page.locator('.chip-ok').textContent()).resolves.toBe('Valid for Capillary')
    await waitForSaved(page)
  })

  it('keeps the designed event across a reload', async () => {
    await page.reload()
    await page.getByRole('option', { name: /room_booked/ }).click()
    await expect(attribute(2).type.inputValue()).resolves.toBe('enum')
    await expect(page.getByLabel(/Possible values/).inputValue()).resolves.toBe('suite,deluxe')
    await expect(attribute(3).name.inputValue()).resolves.toBe('check_in')
    await expect(attribute(3).type.inputValue()).resolves.toBe('date')
    await expect(page.getByLabel('Regex (optional)').inputValue()).resolves.toBe('^[A-Z]+$')
    await expect(page.getByLabel('Account ID').inputValue()).resolves.toBe('brand-wechat-1')
    await session.screenshot('attribute-editor')
  })

  it('adds ProductAddedToCart from the library with its standard fields locked', async () => {
    await page.getByRole('button', { name: 'Add a standard event from the library' }).click()
    await page.getByRole('button', { name: 'ProductAddedToCart', exact: true }).click()
    await page.getByRole('option', { name: /ProductAddedToCart/ }).waitFor()
    await expect(page.getByLabel('Event name').inputValue()).resolves.toBe('ProductAddedToCart')
    await expect(attribute(1).name.isDisabled()).resolves.toBe(true)
    await page.getByRole('button', { name: 'Add a standard event from the library' }).click()
    await expect(
      page.getByRole('button', { name: 'ProductAddedToCart (already in the project)' }).isDisabled()
    ).resolves.toBe(true)
    await page.getByRole('dialog', { name: 'Add a standard event' }).getByRole('button', { name: 'Cancel' }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Add a standard event from the library' }).click()
    await page.getByRole('dialog', { name: 'Add a standard event' }).waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
  })

  it('says a name problem at the name field, never in a notification over the fields, until it is fixed', async () => {
    await page.getByRole('option', { name: /room_booked/ }).click()
    const name = page.getByLabel('Event name')
    await name.fill('')
    await issue('event_name_empty')
    await page.getByTestId('status-save').filter({ hasText: 'Not saved: fix the problems shown' }).waitFor()
    await name.fill('productaddedtocart')
    await page
      .getByText(
        'Another event is named "ProductAddedToCart", which differs only in letter case: a project takes such names as one, so this one is not saved. Pick a clearly different name.'
      )
      .waitFor()
    // Leaving now would lose the change: Close Project asks first, and Cancel keeps everything as it was.
    await page.keyboard.press('Control+Shift+P')
    await page.getByPlaceholder('Type a command…').fill('Close Project')
    await page.getByRole('option', { name: /Close Project/ }).click()
    const asked = page.getByRole('dialog', { name: 'Leave without these changes?' })
    await asked.getByText(/^Your changes to room_booked are not saved: they break a rule/).waitFor()
    await asked.getByRole('button', { name: 'Cancel' }).click()
    await asked.waitFor({ state: 'detached' })
    await expect(name.inputValue()).resolves.toBe('productaddedtocart')
    // So does a reload, through the browser's own prompt; staying keeps the page and the change.
    const prompt = page.waitForEvent('dialog')
    const reloading = page.reload({ timeout: 3000 }).catch(() => undefined)
    const shown = await prompt
    expect(shown.type()).toBe('beforeunload')
    await shown.dismiss()
    await reloading
    await expect(name.inputValue()).resolves.toBe('productaddedtocart')
    await name.fill('room_booked')
    await noIssue('event_name_empty')
    await page.getByText(/differs only in letter case/).waitFor({ state: 'detached' })
    await waitForSaved(page)
    await expect(page.locator('.notification').count()).resolves.toBe(0)
  })

  it('marks an event whose changes are kept unsaved, counts it in the status bar, and goes back to it from there', async () => {
    const name = page.getByLabel('Event name')
    await name.fill('')
    await page.getByRole('option', { name: /ProductAddedToCart/ }).click()
    await page.getByText(/^Your changes to room_booked are kept but not saved/).waitFor()
    const status = page.getByTestId('status-save')
    await status.filter({ hasText: /^1 event not saved$/ }).waitFor()
    const marker = page.getByRole('option', { name: /room_booked/ }).getByRole('img', { name: 'Not saved' })
    await marker.waitFor()
    await session.screenshot('event-kept-unsaved')
    await expect(
      page
        .getByRole('option', { name: /ProductAddedToCart/ })
        .getByRole('img', { name: 'Not saved' })
        .count()
    ).resolves.toBe(0)

    await page.getByRole('button', { name: '1 event not saved' }).click()
    await expect(name.inputValue()).resolves.toBe('')
    await page.getByText(/^Your changes to room_booked are kept/).waitFor({ state: 'detached' })
    await name.fill('room_booked')
    await waitForSaved(page)
    await marker.waitFor({ state: 'detached' })
  })

  it('says a description past its limit under the field, counts it as a problem, and counts characters near it', async () => {
    const description = page.getByLabel('Description')
    await description.fill('x'.repeat(3000))
    await page.getByText('Description: at most 2,000 characters (3,000 now).').waitFor()
    await expect(page.locator('.editor-header .chip-error').textContent()).resolves.toBe('1 problem')
    await expect(description.getAttribute('aria-invalid')).resolves.toBe('true')
    await page.getByTestId('status-save').filter({ hasText: 'Not saved: fix the problems shown' }).waitFor()
    await expect(page.getByRole('alert').count()).resolves.toBe(0)
    await description.fill('x'.repeat(1900))
    await page.getByText('1,900 of 2,000 characters').waitFor()
    await waitForSaved(page)
    await description.fill('')
    await page.getByText(/of 2,000 characters/).waitFor({ state: 'detached' })
    await waitForSaved(page)
  })

  it('says a long event name is too long, and cuts it off in the header with the Design and Code tabs in view', async () => {
    const long = 'n'.repeat(300)
    await page.getByLabel('Event name').fill(long)
    await page.getByText('Event name: at most 200 characters (300 now).').waitFor()
    await page.getByLabel('Description').fill('x'.repeat(1900))
    await session.screenshot('event-limits')
    await page.getByLabel('Description').fill('')
    const heading = page.getByRole('heading', { level: 1 })
    await expect(heading.getAttribute('title')).resolves.toBe(long)
    const [codeTabRight, paneRight] = await page
      .getByRole('tab', { name: '{ } Code' })
      .evaluate((tab) => [
        tab.getBoundingClientRect().right,
        tab.closest('.editor-pane')!.getBoundingClientRect().right
      ])
    expect(codeTabRight).toBeLessThanOrEqual(paneRight)
    const [headingScroll, headingWidth] = await heading.evaluate((element) => [
      element.scrollWidth,
      element.clientWidth
    ])
    expect(headingScroll).toBeGreaterThan(headingWidth)
    await page.getByLabel('Event name').fill('room_booked')
    await waitForSaved(page)
  })

  it("says an attribute without a name at that attribute's Name field, not at the event name", async () => {
    await page.getByRole('button', { name: 'Add attribute' }).click()
    await page.keyboard.press('Tab')
    await issue('attribute_name_empty')
    await expect(attribute(5).name.getAttribute('aria-invalid')).resolves.toBe('true')
    const describedBy = await attribute(5).name.getAttribute('aria-describedby')
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toMatch(/^Attribute name is empty/)
    await expect(page.getByLabel('Event name').getAttribute('aria-invalid')).resolves.toBeNull()
    await expect(page.getByText(/Name attribute 5/).count()).resolves.toBe(0)
    await page.getByRole('button', { name: 'Remove attribute 5' }).click()
    await waitForSaved(page)
  })

  it('shows the note of a type whose API encoding is undocumented once', async () => {
    await attribute(3).type.selectOption('integer')
    await issue('type_encoding_undocumented')
    const note = await page.locator('[data-code="type_encoding_undocumented"]').textContent()
    const row = await page.getByTestId('attribute-2').textContent()
    expect(row?.split(note!.replace(/^Integer: /, ''))).toHaveLength(2)
    await attribute(3).type.selectOption('date')
    await noIssue('type_encoding_undocumented')
    await waitForSaved(page)
  })

  it('keeps every attribute usable at 1024 by 700: the name wide, the buttons beside the type and flags', async () => {
    await page.setViewportSize({ width: 1024, height: 700 })
    try {
      await attribute(1).name.scrollIntoViewIfNeeded()
      await session.screenshot('events-1024x700')
      for (const n of [1, 2, 3, 4]) {
        const nameBox = (await attribute(n).name.boundingBox())!
        expect(nameBox.width).toBeGreaterThanOrEqual(200)
        const typeBox = (await attribute(n).type.boundingBox())!
        const removeBox = (await page
          .getByTestId(`attribute-${n - 1}`)
          .locator('.attribute-actions')
          .boundingBox())!
        // The buttons sit on the type's line, at its level, never on a line of their own.
        expect(removeBox.y + removeBox.height).toBeGreaterThan(typeBox.y)
        expect(removeBox.y).toBeLessThan(typeBox.y + typeBox.height)
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 })
    }
  })

  it('cuts a long event name off in the list, whole in its tooltip, with no sideways scrolling', async () => {
    const long = 'hotel_checkout_completed_with_late_fee_and_minibar_charges'
    await page.getByLabel('Event name').fill(long)
    await waitForSaved(page)
    const title = page.getByRole('option', { name: new RegExp(long) }).locator('.list-item-title')
    await expect(title.getAttribute('title')).resolves.toBe(long)
    const list = page.getByRole('listbox', { name: 'Events' })
    const [scrollWidth, clientWidth] = await list.evaluate((element) => [element.scrollWidth, element.clientWidth])
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
    const [titleRight, actionsLeft] = await page
      .getByRole('option', { name: new RegExp(long) })
      .evaluate((row) => [
        row.querySelector('.list-item-title')!.getBoundingClientRect().right,
        row.querySelector('.list-item-actions')!.getBoundingClientRect().left
      ])
    const titlePadding = await title.evaluate((element) => parseFloat(getComputedStyle(element).paddingRight))
    expect(titleRight - titlePadding).toBeLessThanOrEqual(actionsLeft)
    await page.getByLabel('Event name').fill('room_booked')
    await waitForSaved(page)
  })

  it('confirms Save Now (Ctrl+S) in the status bar with the time of the save', async () => {
    await page.getByLabel('Label', { exact: true }).fill('Room booked by a guest')
    await page.keyboard.press('Control+s')
    await page
      .getByTestId('status-save')
      .filter({ hasText: /^Saved · / })
      .waitFor()
    await waitForSaved(page)
  })

  it('searches and filters the event list', async () => {
    await page.getByLabel('Search events').fill('cart')
    await page.getByRole('option', { name: /room_booked/ }).waitFor({ state: 'detached' })
    await page.getByRole('option', { name: /ProductAddedToCart/ }).waitFor()
    await page.getByLabel('Filter by kind').selectOption('custom')
    await page.getByText('No event matches.').waitFor()
    await page.getByRole('button', { name: 'Clear the search and filters' }).click()
    await page.getByRole('option', { name: /room_booked/ }).waitFor()
    await session.screenshot('event-list')
  })

  it('duplicates an event into a new draft, deletes the copy after confirmation, and undoes the delete', async () => {
    await page.getByRole('option', { name: /room_booked/ }).click()
    await page.getByRole('button', { name: 'Duplicate room_booked' }).click()
    await page.getByRole('option', { name: /room_booked_v2/ }).waitFor()
    await page.getByRole('button', { name: 'Delete room_booked_v2' }).click()
    const confirm = page.getByRole('dialog', { name: 'Delete room_booked_v2?' })
    await confirm.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('option', { name: /room_booked_v2/ }).waitFor({ state: 'detached' })
    await page.getByRole('option', { name: /room_booked/ }).waitFor()
    // The keyboard goes on from the list, not from the top of the page.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'listbox')

    const banner = page.getByRole('status').filter({ hasText: 'Deleted room_booked_v2.' })
    await banner.getByRole('button', { name: 'Undo' }).click()
    await page.getByRole('option', { name: /room_booked_v2/ }).waitFor()
    await expect(page.getByLabel('Event name').inputValue()).resolves.toBe('room_booked_v2')
    await banner.waitFor({ state: 'detached' })
    // Back in the project itself, not only on the screen: it survives a reload.
    await page.reload()
    await page.getByRole('option', { name: /room_booked_v2/ }).waitFor()
  })

  it('made no request off its own origin and raised no page error', () => {
    expect(session.watched.offOrigin).toEqual([])
    expect(session.watched.pageErrors).toEqual([])
  })
})
