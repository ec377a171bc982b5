import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Integration } from '../../shared/model/integration'
import type { Mapping } from '../../shared/model/mapping'
import type { ListenerStatus } from '../../shared/model/listenerSettings'
import { startStudioInBrowser, type StudioInBrowser } from './support/studioInBrowser'

/** A WebEngage-style webhook body (flat, as WebEngage's webhooks send it) for an event the sample lacks. */
const wishlistPayload = {
  event_name: 'Added To Wishlist',
  user_id: '919663673779',
  skuCode: 'SKU-77',
  name: 'Linen shirt',
  price: '1499.00',
  event_time: '2026-11-20T18:42:07+05:30',
  tier: 'G',
  city: 'Bengaluru',
  device: 'desktop'
}

const attribute = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  description: '',
  isRequired: false,
  isUniqueKeyField: false,
  isPsiData: false,
  standard: false,
  ...extra
})

describe('the mapping designer', () => {
  let session: StudioInBrowser
  let page: Page

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Sample', sample: true })
    page = session.page
    await page.goto(session.studio.launchUrl)
    await page.getByTestId('status-project').filter({ hasText: 'Sample' }).waitFor()
  })

  afterAll(() => session?.close())

  /** Calls the studio's API from the page (the session cookie authenticates it), failing on an error result. */
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await page.evaluate(
      async ([request, body]) => {
        const response = await fetch(`/api/${request}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body)
        })
        return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
      },
      [name, input] as const
    )
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`)
    return result.value as T
  }

  const outputText = () =>
    page
      .getByTestId('preview-output')
      .locator('.view-lines')
      .innerText()
      .then((text) => text.replace(/\u00a0/g, ' '))
  /** Waits until the output editor shows (or no longer shows) a text. */
  const waitForOutput = async (text: string, present = true) => {
    await expect.poll(async () => (await outputText()).includes(text), { timeout: 10_000, interval: 50 }).toBe(present)
  }
  /** The text an editor shows, with Monaco's non-breaking spaces read as spaces. */
  const linesOf = (editor: Locator) =>
    editor
      .locator('.view-lines')
      .innerText()
      .then((text) => text.replace(/\u00a0/g, ' '))
  const field = (path: string) => page.getByRole('button', { name: `Source field ${path}`, exact: true })
  const target = (name: string) => page.getByRole('button', { name: `Attribute ${name}`, exact: true })
  const outputErrors = () => page.getByTestId('preview-output').locator('.squiggly-error')

  /** Drags a line from a field's handle to an attribute's handle, as a user does with the mouse. */
  const drag = async (from: Locator, to: Locator) => {
    // hover() waits until each handle is in view, still, and the one thing under the pointer.
    await from.locator('.react-flow__handle').hover()
    await page.mouse.down()
    await to.hover({ position: { x: 40, y: 19 } })
    await to.locator('.react-flow__handle').hover()
    // Released only once React Flow shows the line snapped to the attribute's handle, as a user waits to see it.
    await to.locator('.react-flow__handle.connectingto.valid').waitFor()
    await page.mouse.up()
  }
  /** Connects with the keyboard only: Enter on the field, then Enter on the attribute. */
  const connectByKeyboard = async (path: string, name: string) => {
    await field(path).focus()
    await page.keyboard.press('Enter')
    await target(name).focus()
    await page.keyboard.press('Enter')
  }

  it("opens the sample project's mapping with its preview on a sample capture", async () => {
    await page.getByRole('button', { name: 'Mappings', exact: true }).click()
    await page.getByRole('option', { name: /ProductAddedToCart/ }).click()
    await waitForOutput('"event_name": "ProductAddedToCart"')
    await waitForOutput('"productSku": "14572567"')
    await expect(page.getByTestId('preview-status').textContent()).resolves.toContain('1 event')
  })

  it('captures a WebEngage-style payload over real HTTP', async () => {
    const events = await call<unknown[]>('listEvents', {})
    expect(events.length).toBeGreaterThan(0)
    await call('createEvent', {
      draft: {
        name: 'wishlist_added',
        label: 'Added to wishlist',
        description: '',
        kind: 'custom',
        actions: ['EIConsumer'],
        attributes: [
          attribute('customer', 'customer', {
            isRequired: true,
            customer: { identifierType: 'mobile', source: 'WEB_ENGAGE', addCustomerIfNotExists: false }
          }),
          attribute('productSku', 'productSku'),
          attribute('productName', 'string'),
          attribute('price', 'double'),
          attribute('city', 'string', { isRequired: true }),
          attribute('addedOn', 'date'),
          attribute('tier', 'enum', { possibleValues: ['Gold', 'Silver'] }),
          attribute('device', 'string')
        ]
      }
    })
    const integrations = await call<Integration[]>('listIntegrations', {})
    const webEngage = integrations.find((entry) => entry.slug === 'webengage')!
    const { id, createdAt: _created, updatedAt: _updated, ...draft } = webEngage
    await call('updateIntegration', {
      id,
      draft: {
        ...draft,
        eventNameMap: [...draft.eventNameMap, { sourceName: 'Added To Wishlist', eventName: 'wishlist_added' }]
      }
    })
    const status = await call<ListenerStatus>('startListener', {})
    expect(status.state).toBe('listening')
    const response = await fetch(`http://127.0.0.1:${status.port}/hooks/webengage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(wishlistPayload)
    })
    expect(response.status).toBe(200)
    await call('stopListener', {})
  })

  it('creates a mapping that previews the captured payload and flags the unmapped required attributes', async () => {
    await page.getByRole('button', { name: 'New mapping' }).click()
    const dialog = page.getByRole('dialog', { name: 'New mapping' })
    await dialog.getByLabel('Integration').selectOption({ label: 'WebEngage storefront' })
    await dialog.getByLabel('Event').selectOption({ label: 'wishlist_added' })
    await dialog.getByRole('button', { name: 'Create mapping' }).click()
    await page.getByRole('option', { name: /wishlist_added/ }).waitFor()
    await waitForOutput('"event_name": "wishlist_added"')
    const underTest = page.getByLabel('Capture under test')
    await expect(underTest.inputValue()).resolves.not.toBe('')
    // Each capture by its number first: two of the same event and second are told apart.
    const chosen = await underTest.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)
    expect(chosen).toMatch(new RegExp(`^#${await underTest.inputValue()} `))
    await target('city').locator('[data-code="missing_required"]').waitFor()
    await outputErrors().first().waitFor()
  })

  it('maps attributes by dragging lines and with the keyboard; the missing-required marker goes once mapped', async () => {
    await drag(field('user_id'), target('customer'))
    await waitForOutput('"customer": "919663673779"')
    await drag(field('skuCode'), target('productSku'))
    await waitForOutput('"productSku": "SKU-77"')
    await connectByKeyboard('name', 'productName')
    await waitForOutput('"productName": "Linen shirt"')
    await connectByKeyboard('price', 'price')
    await waitForOutput('"price": 1499')
    await expect(outputErrors().count()).resolves.toBeGreaterThan(0)
    await connectByKeyboard('city', 'city')
    await waitForOutput('"city": "Bengaluru"')
    await target('city').locator('[data-code="missing_required"]').waitFor({ state: 'detached' })
    await outputErrors().first().waitFor({ state: 'detached' })
    await expect(page.getByTestId('preview-status').textContent()).resolves.toContain('valid for Capillary')
    await expect(page.locator('.react-flow__edge').count()).resolves.toBe(5)
  })

  it('adds a date transform and a lookup table, and the preview follows', async () => {
    await connectByKeyboard('event_time', 'addedOn')
    await page.getByRole('region', { name: 'Rule for addedOn' }).waitFor()
    await page.getByLabel('Transform to add').selectOption({ label: 'Parse date' })
    await page.getByRole('button', { name: 'Add transform' }).click()
    await page.getByLabel('Transform to add').selectOption({ label: 'Format date' })
    await page.getByRole('button', { name: 'Add transform' }).click()
    await page.getByLabel('Transform 2 format').selectOption('yyyy-MM-dd')
    await waitForOutput('"addedOn": "2026-11-20"')

    await connectByKeyboard('tier', 'tier')
    await page.getByRole('region', { name: 'Rule for tier' }).waitFor()
    await page.getByLabel('Transform to add').selectOption({ label: 'Lookup table' })
    await page.getByRole('button', { name: 'Add transform' }).click()
    await page.getByRole('button', { name: 'Add row to transform 1' }).click()
    await page.getByLabel('Transform 1 row 1 from').fill('G')
    await page.getByLabel('Transform 1 row 1 to').fill('Gold')
    await waitForOutput('"tier": "Gold"')
  })

  it('shows where an output value comes from on hover: its source path and transforms', async () => {
    await page.getByTestId('preview-output').locator('.view-line span', { hasText: '"Gold"' }).first().hover()
    const hover = page.locator('.monaco-hover').filter({ hasText: 'tier' })
    await hover.waitFor()
    await expect(hover.textContent()).resolves.toMatch(/from tier through lookup/)
    await page.mouse.move(0, 0)
  })

  it('writes a rule in JSONata with completion of functions and inline syntax errors', async () => {
    await target('city').click()
    const rule = page.getByRole('region', { name: 'Rule for city' })
    // The attribute's type as Capillary labels it, not its key.
    await expect(rule.getByRole('heading').first().textContent()).resolves.toMatch(/^city String(, required)?$/)
    await rule.getByLabel('Value from').selectOption('expression')
    const editor = page.getByRole('region', { name: 'JSONata expression' })
    await editor.locator('.view-lines').click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('$upp')
    await page.keyboard.press('Control+Space')
    await page.locator('.suggest-widget').filter({ hasText: '$uppercase' }).waitFor()
    await page.keyboard.press('Enter')
    await page.keyboard.type('city')
    await waitForOutput('"city": "BENGALURU"')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('city &')
    await editor.locator('.squiggly-error').first().waitFor()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Control+A')
    await page.keyboard.type('$lowercase(city)')
    await waitForOutput('"city": "bengaluru"')
    await editor.locator('.squiggly-error').first().waitFor({ state: 'detached' })
    // Space and Backspace are the editor's: the canvas on the same page takes neither (its pan and delete keys).
    const edges = await page.locator('.react-flow__edge').count()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('$uppercase(city) & " " & $lowercase(cityX')
    await page.keyboard.press('Backspace')
    await page.keyboard.type(')')
    await waitForOutput('"city": "BENGALURU bengaluru"')
    await expect(page.locator('.react-flow__edge').count()).resolves.toBe(edges)
    // Trying another kind of source and coming back brings the expression back as it was.
    await rule.getByLabel('Value from').selectOption('constant')
    await waitForOutput('"city": "BENGALURU bengaluru"', false)
    await rule.getByLabel('Value from').selectOption('expression')
    await waitForOutput('"city": "BENGALURU bengaluru"')
  })

  it('moves the focus on with Tab and back with Shift+Tab from the expression editor, the expression unchanged', async () => {
    const rule = page.getByRole('region', { name: 'Rule for city' })
    const editor = page.getByRole('region', { name: 'JSONata expression' })
    await page.getByTestId('mapping-save').filter({ hasText: 'All changes saved' }).waitFor()
    const storedExpression = async () => {
      const mappings = await call<Mapping[]>('listMappings', {})
      const city = mappings.flatMap((mapping) => mapping.rules).find((entry) => entry.target === 'city')
      return city?.source.kind === 'expression' ? city.source.expression : null
    }
    const before = await storedExpression()
    expect(before).toBe('$uppercase(city) & " " & $lowercase(city)')
    const focusIn = (locator: Locator) => locator.evaluate((element) => element.contains(document.activeElement))

    await editor.locator('.view-lines').click()
    await page.keyboard.press('End')
    await expect(focusIn(editor)).resolves.toBe(true)
    await page.keyboard.press('Tab')
    await expect.poll(() => focusIn(rule.getByLabel('Transform to add'))).toBe(true)
    await page.keyboard.press('Shift+Tab')
    await expect.poll(() => focusIn(editor)).toBe(true)
    await page.keyboard.press('Shift+Tab')
    await expect.poll(() => focusIn(rule.getByLabel('Value from'))).toBe(true)
    // Escape, then Tab, the way out users of other code editors try first, moves on as well.
    await editor.locator('.view-lines').click()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    await expect.poll(() => focusIn(rule.getByLabel('Transform to add'))).toBe(true)

    // Not one space typed: the editor, the preview and the stored rule all keep the expression as it was.
    // The expression editor wraps long lines: the view's line breaks are not in the text.
    await expect(linesOf(editor).then((text) => text.replace(/\n/g, ''))).resolves.toBe(before)
    await waitForOutput('"city": "BENGALURU bengaluru"')
    await page.getByTestId('mapping-save').filter({ hasText: 'All changes saved' }).waitFor()
    await expect(storedExpression()).resolves.toBe(before)
  })

  it('keeps Tab for indenting in the payload under test, saying how to move on: Escape, then Tab', async () => {
    const input = page.getByTestId('preview-input')
    const hint = page.getByText('Tab indents here: press Escape, then Tab, to move on.')
    await expect(hint.isVisible()).resolves.toBe(true)
    const hintId = await hint.getAttribute('id')
    await expect(input.locator('[role="textbox"]').getAttribute('aria-describedby')).resolves.toBe(hintId)
    const focusIn = () => input.evaluate((element) => element.contains(document.activeElement))
    const text = () => linesOf(input)
    const before = await text()
    await input.locator('.view-lines').click()
    await page.keyboard.press('Control+Home')
    await page.keyboard.press('Tab')
    await expect.poll(text).not.toBe(before)
    await expect(focusIn()).resolves.toBe(true)
    await page.keyboard.press('Control+z')
    await expect.poll(text).toBe(before)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    await expect.poll(focusIn).toBe(false)
    await expect(text()).resolves.toBe(before)
    // Back in, Tab indents again: the way out lasts one key press.
    await page.keyboard.press('Shift+Tab')
    await expect.poll(focusIn).toBe(true)
    await page.keyboard.press('Tab')
    await expect.poll(text).not.toBe(before)
    await page.keyboard.press('Control+z')
    await expect.poll(text).toBe(before)
  })

  it('accepts a suggestion, and undo takes it back', async () => {
    await page.getByRole('button', { name: 'Suggest mappings' }).click()
    await page.getByRole('button', { name: 'Accept device to device' }).click()
    await waitForOutput('"device": "desktop"')
    await expect(target('device').getAttribute('data-mapped')).resolves.toBe('true')
    await page.getByRole('button', { name: 'Undo', exact: true }).click()
    await waitForOutput('"device"', false)
    await expect(target('device').getAttribute('data-mapped')).resolves.toBe('false')
    await page.getByTestId('mapping-save').filter({ hasText: 'All changes saved' }).waitFor()
  })

  it('keeps the mapping across a reload, and comes back to it where the user was', async () => {
    await page.reload()
    // The studio remembers the screen and the selection for the session: no click needed to see it again.
    await page.getByRole('option', { name: /wishlist_added/, selected: true }).waitFor()
    await waitForOutput('"tier": "Gold"')
    await waitForOutput('"addedOn": "2026-11-20"')
    await expect(page.locator('.react-flow__edge').count()).resolves.toBe(7)
  })

  it('shows the designer in both themes', async () => {
    await target('tier').click()
    await page.getByRole('region', { name: 'Rule for tier' }).waitFor()
    await page.emulateMedia({ colorScheme: 'light' })
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light')
    await session.screenshot('mapping-designer-light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark')
    await session.screenshot('mapping-designer-dark')
  })

  /** Whether a box lies wholly inside the window (the user sees it without scrolling). */
  const inWindow = async (locator: Locator) => {
    const box = await locator.boundingBox()
    const size = page.viewportSize()
    return (
      box !== null &&
      size !== null &&
      box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= size.width &&
      box.y + box.height <= size.height
    )
  }

  it('keeps the rule being edited and the output beside each other in a 1024 x 700 window', async () => {
    await page.setViewportSize({ width: 1024, height: 700 })
    await target('price').click()
    await target('tier').click()
    const rule = page.getByRole('region', { name: 'Rule for tier' })
    // Selected on the canvas, the rule opens in view, and the output is in view beside it.
    await expect.poll(() => inWindow(rule.getByRole('heading', { name: /^tier/ }))).toBe(true)
    await expect(inWindow(rule.getByLabel('Value from'))).resolves.toBe(true)
    await expect(inWindow(page.getByTestId('preview-output'))).resolves.toBe(true)
    await expect(inWindow(page.getByTestId('preview-status'))).resolves.toBe(true)
    await session.screenshot('mapping-designer-1024x700')
    // Editing the rule, its effect on the output is seen without scrolling.
    await rule.getByLabel('Transform 1 row 1 to').fill('Silver')
    await waitForOutput('"tier": "Silver"')
    await expect(inWindow(rule.getByLabel('Transform 1 row 1 to'))).resolves.toBe(true)
    await expect(inWindow(page.getByTestId('preview-output'))).resolves.toBe(true)
    await page.getByRole('button', { name: 'Undo', exact: true }).click()
    await waitForOutput('"tier": "Gold"')
  })

  it('takes Tab through the preview in the order it is seen: the output first when the window stacks them', async () => {
    const output = page.getByTestId('preview-output')
    const captureUnderTest = page.getByLabel('Capture under test')
    const above = async (first: Locator, second: Locator) =>
      ((await first.boundingBox())?.y ?? Infinity) < ((await second.boundingBox())?.y ?? -Infinity)
    await page.setViewportSize({ width: 1024, height: 700 })
    await expect.poll(() => above(output, page.getByTestId('preview-input'))).toBe(true)
    // The output is read-only: Tab leaves it, for the payload under test that follows it on the screen.
    await output.locator('.view-lines').click()
    await page.keyboard.press('Tab')
    await expect.poll(() => captureUnderTest.evaluate((select) => select === document.activeElement)).toBe(true)
    // Side by side, the payload comes first, and the output after it.
    await page.setViewportSize({ width: 1280, height: 800 })
    await expect.poll(() => above(output, page.getByTestId('preview-input'))).toBe(false)
    await page.getByTestId('preview-input').locator('.view-lines').click()
    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    await expect
      .poll(() => page.locator('.preview-output').evaluate((column) => column.contains(document.activeElement)))
      .toBe(true)
  })

  it('passes the wheel over the canvas on to the designer once the canvas has reached its end', async () => {
    const designer = page.getByRole('region', { name: 'Mapping designer' })
    const rows = page.locator('.mapping-columns')
    await designer.evaluate((element) => element.scrollTo({ top: 0 }))
    await rows.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
    // Dispatched, not rolled: Chromium keeps a real gesture on the canvas it started in, and headless Chromium's
    // separate wheel events chain to the designer by themselves, so only a dispatched one shows what the canvas does.
    await rows.evaluate((element) =>
      element.dispatchEvent(new WheelEvent('wheel', { deltaY: 120, bubbles: true, cancelable: true }))
    )
    await expect.poll(() => designer.evaluate((element) => element.scrollTop)).toBeGreaterThan(0)
  })

  it('keeps canvas and rule editor side by side, the output in view, in a 1280 x 800 window', async () => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.getByRole('region', { name: 'Mapping designer' }).evaluate((element) => element.scrollTo({ top: 0 }))
    await target('price').click()
    await target('tier').click()
    const rule = page.getByRole('region', { name: 'Rule for tier' })
    await expect.poll(() => inWindow(rule.getByLabel('Value from'))).toBe(true)
    await session.screenshot('mapping-designer-1280x800')
    const canvas = (await page.locator('.mapping-columns').boundingBox())!
    const side = (await page.locator('.mapping-side').boundingBox())!
    expect(side.x).toBeGreaterThanOrEqual(canvas.x + canvas.width)
    expect(Math.abs(side.y - canvas.y)).toBeLessThan(2)
    await expect(inWindow(page.getByTestId('preview-status'))).resolves.toBe(true)
  })

  it('counts the preview’s problems beside the output, and a click on the count shows them', async () => {
    // A required attribute without its rule: the output is refused, and the list says why.
    await target('city').click()
    await page.getByRole('button', { name: 'Remove the rule for city' }).click()
    await waitForOutput('"city"', false)
    await page.getByRole('region', { name: 'Mapping designer' }).evaluate((element) => element.scrollTo({ top: 0 }))
    const count = page.getByRole('button', { name: /^\d+ errors?(, \d+ warnings?)?$/ })
    await expect(inWindow(count)).resolves.toBe(true)
    // The list itself is under the output, below the fold of an 800 px window.
    const list = page.getByRole('list', { name: 'Preview diagnostics' })
    await expect(inWindow(list)).resolves.toBe(false)
    await count.click()
    await expect.poll(() => inWindow(list)).toBe(true)
    await expect(list.evaluate((element) => element === document.activeElement)).resolves.toBe(true)
    await expect(list.locator('[data-code="missing_required"]').count()).resolves.toBe(1)
    const counted = (items: number, noun: string) => (items === 0 ? [] : [`${items} ${noun}${items === 1 ? '' : 's'}`])
    await expect(count.textContent()).resolves.toBe(
      [
        ...counted(await list.locator('.diagnostic-error').count(), 'error'),
        ...counted(await list.locator('.diagnostic-warning').count(), 'warning')
      ].join(', ')
    )
    await page.getByRole('button', { name: 'Undo', exact: true }).click()
    await waitForOutput('"city"')
    await page.getByTestId('mapping-save').filter({ hasText: 'All changes saved' }).waitFor()
  })

  it('made no request off its own origin and raised no page error', () => {
    expect(session.watched.offOrigin).toEqual([])
    expect(session.watched.pageErrors).toEqual([])
  })
})
