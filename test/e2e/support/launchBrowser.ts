import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export interface WatchedPage {
  page: Page
  context: BrowserContext
  /** Requests that left the studio's origin (a CDN, a font service...): the studio must work offline. */
  offOrigin: string[]
  pageErrors: string[]
}

/** Debian's Chromium, headless, with the flags this closed network needs (TOOLCHAIN §2, env notes). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}

/** A fresh page that records off-origin requests (aborting them) and page errors. */
export async function openWatchedPage(browser: Browser, origin: string): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const offOrigin: string[] = []
  const pageErrors: string[] = []
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue()
    offOrigin.push(url)
    return route.abort()
  })
  const page = await context.newPage()
  // CSP-blocked loads never reach route(): record them here too.
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) offOrigin.push(url)
  })
  page.on('pageerror', (error) => pageErrors.push(error.message))
  // What the page reports as an error (the unexpected-error panel logs what it shows) is printed with the run, so a
  // failure that shows the panel says what it was.
  page.on('console', (message) => {
    if (message.type() === 'error') process.stderr.write(`[studio page] ${message.text()}\n`)
  })
  return { page, context, offOrigin, pageErrors }
}
