import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import type { ListenerStatus } from '../../../shared/model/listenerSettings'
import { startStudioInBrowser } from '../../e2e/support/studioInBrowser'
import { figure, type Figure } from '../figure'

// The mapping designer's live preview, as a user feels it: the time from a keystroke in the rule editor to the
// updated output on screen (debounce, Web Worker run of shared/engine on a 100 KB payload, Monaco render), in
// Chromium against web mode. The keystroke's `input` event and the output's DOM change are both timed in the page.

const keystrokes = 40
const warmup = 5

/** A WebEngage-style "Added To Cart" with a long cart: about 100 KB of JSON. */
function largePayload(): Record<string, unknown> {
  const items = Array.from({ length: 600 }, (_, index) => ({
    skuCode: `SKU-${100000 + index}`,
    name: `Cotton shirt, size ${['S', 'M', 'L', 'XL'][index % 4]}, colour ${['navy', 'white', 'red'][index % 3]}`,
    brand: 'Bukl',
    category: 'Men/Top Wear/Shirts',
    quantity: 1 + (index % 3),
    price: 999 + index,
    added_at: `2026-11-20T18:${String(index % 60).padStart(2, '0')}:07+05:30`
  }))
  return {
    event_name: 'Added To Cart',
    user_id: '919663673779',
    cartRefKey: '7f1e74da-36d3-4fda-9aef-9e8be379a6db',
    skuCode: '14572567',
    name: 'Linen shirt',
    brand: 'Bukl',
    category: 'Men/Top Wear/Shirts',
    quantity: 1,
    price: 1299.0,
    cart: { items }
  }
}

async function call<T>(page: Page, name: string, input: unknown): Promise<T> {
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

// No named function inside page code: tsx's keepNames would wrap it in a `__name` helper the page lacks.
/** Arms the page to time the next keystroke in the template option until the output shows `expected`. */
function armTiming(page: Page, expected: string): Promise<void> {
  return page.evaluate((text) => {
    const input = document.querySelector<HTMLInputElement>('[aria-label="Transform 1 template"]')
    const lines = document.querySelector('[data-testid="preview-output"] .view-lines')
    if (!input || !lines) throw new Error('the rule editor or the output is not on screen')
    const timing = new Promise<number>((resolve) => {
      let startedAt: number | undefined
      input.addEventListener('input', () => (startedAt = performance.now()), { once: true, capture: true })
      const observer = new MutationObserver(() => {
        if (startedAt !== undefined && (lines.textContent ?? '').replace(/\u00a0/g, ' ').includes(text)) {
          observer.disconnect()
          resolve(performance.now() - startedAt)
        }
      })
      observer.observe(lines, { childList: true, subtree: true, characterData: true })
    })
    ;(window as unknown as { capmapTiming: Promise<number> }).capmapTiming = timing
  }, expected)
}

export async function previewBench(): Promise<Figure[]> {
  if (!existsSync(join(process.cwd(), 'out', 'renderer', 'index.html')))
    throw new Error('the renderer is not built: run `npm run -s build` first')
  const session = await startStudioInBrowser({ project: 'PreviewBench', sample: true })
  const { page } = session
  try {
    await page.goto(session.studio.launchUrl)
    await page.getByTestId('status-project').filter({ hasText: 'PreviewBench' }).waitFor()
    const payload = JSON.stringify(largePayload())
    if (payload.length < 100 * 1024) throw new Error(`the payload is only ${payload.length} bytes`)
    const status = await call<ListenerStatus>(page, 'startListener', {})
    const posted = await fetch(`http://127.0.0.1:${status.port}/hooks/webengage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: payload
    })
    if (posted.status !== 200) throw new Error(`the listener answered ${posted.status}`)

    await page.getByRole('button', { name: 'Mappings', exact: true }).click()
    await page.getByRole('option', { name: /ProductAddedToCart/ }).click()
    const output = page.getByTestId('preview-output').locator('.view-lines')
    await output.filter({ hasText: 'Linen shirt' }).waitFor()
    await page.getByRole('button', { name: 'Attribute productName', exact: true }).click()
    await page.getByLabel('Transform to add').selectOption({ label: 'Template' })
    await page.getByRole('button', { name: 'Add transform' }).click()
    const template = page.getByLabel('Transform 1 template')
    await template.click()
    await page.keyboard.press('End')

    const times: number[] = []
    let typed = ''
    for (let index = 0; index < warmup + keystrokes; index += 1) {
      const letter = 'abcdefghij'[index % 10] as string
      typed += letter
      await armTiming(page, `"productName": "Linen shirt${typed}"`)
      await page.keyboard.type(letter)
      const elapsed = await page.evaluate(() => (window as unknown as { capmapTiming: Promise<number> }).capmapTiming)
      if (index >= warmup) times.push(elapsed)
    }
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)] ?? Number.NaN
    const p95 = times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] ?? Number.NaN
    return [figure('preview.keystroke_median_ms', median, 'ms'), figure('preview.keystroke_p95_ms', p95, 'ms', 100)]
  } finally {
    await session.close()
  }
}
