import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStudioInBrowser, type StudioInBrowser } from './support/studioInBrowser'

const password = 'E2e-Till-Pa55word'

/** `capmap sandbox --port 0` as a consultant runs it; resolves with its base URL once it prints its banner. */
function startCliSandbox(): Promise<{ baseUrl: string; child: ChildProcess }> {
  const configDir = mkdtempSync(join(tmpdir(), 'capmap-e2e-sandbox-'))
  const child = spawn(
    process.execPath,
    ['bin/capmap.js', 'sandbox', '--port', '0', '--basic', `sandbox.till:${password}`],
    {
      env: { ...process.env, CAPMAP_CONFIG_DIR: configDir },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`the sandbox printed no URL in 30 s:\n${output}`)), 30_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      if (url) {
        clearTimeout(timer)
        resolve({ baseUrl: url, child })
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}:\n${output}`)))
  })
}

const openSettings = async (page: Page) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('heading', { name: 'Connection profiles' }).waitFor()
}

const fillProfile = async (dialog: Locator, baseUrl: string, secret: string) => {
  await dialog.getByLabel('Profile name').fill('Rehearsal org')
  await dialog.getByLabel('Cluster').selectOption('custom')
  await dialog.getByLabel('Base URL').fill(baseUrl)
  await dialog.getByLabel('Org id').fill('1000')
  await dialog.getByLabel('Till code', { exact: true }).fill('sandbox.till')
  await dialog.getByLabel('Password', { exact: true }).fill(secret)
}

describe('connection profiles in web mode, against `capmap sandbox`', () => {
  let session: StudioInBrowser
  let sandbox: { baseUrl: string; child: ChildProcess }
  let page: Page

  beforeAll(async () => {
    sandbox = await startCliSandbox()
    session = await startStudioInBrowser({ project: 'Brand' })
    page = session.page
  })

  afterAll(async () => {
    await session?.close()
    sandbox?.child.kill('SIGTERM')
  })

  const card = () => page.getByRole('listitem', { name: 'Rehearsal org' })

  it('says what to do while there is no profile', async () => {
    await page.goto(session.studio.launchUrl)
    await openSettings(page)
    await page.getByText('No connection profiles yet.', { exact: false }).waitFor()
  })

  it('creates a profile against the running sandbox, its password in a password field', async () => {
    await page.getByRole('button', { name: 'Add profile' }).click()
    const dialog = page.getByRole('dialog', { name: 'New connection profile' })
    await fillProfile(dialog, sandbox.baseUrl, password)
    await expect(dialog.getByLabel('Password', { exact: true }).getAttribute('type')).resolves.toBe('password')
    await session.screenshot('connection-profile-form')
    await dialog.getByRole('button', { name: 'Save profile' }).click()
    await card().waitFor()
    await expect(card().getByText('Password kept for this session').isVisible()).resolves.toBe(true)
  })

  it('tests the connection and says it is connected', async () => {
    await card().getByRole('button', { name: 'Test connection' }).click()
    const verdict = card().getByRole('status')
    await verdict.getByText(/^Connected to org 1000/).waitFor()
    await expect(verdict.textContent()).resolves.toBe(
      `Connected to org 1000 on ${sandbox.baseUrl} as till sandbox.till: 0 events, 0 published.`
    )
  })

  it('reports a wrong password plainly', async () => {
    await card().getByRole('button', { name: 'Edit Rehearsal org' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit connection profile' })
    await dialog.getByLabel('Password', { exact: true }).fill('not-the-password')
    await dialog.getByRole('button', { name: 'Save profile' }).click()
    await dialog.waitFor({ state: 'detached' })
    await card().getByRole('button', { name: 'Test connection' }).click()
    const verdict = card().getByRole('status')
    await verdict.getByText('Not connected: wrong till code or password.').waitFor()
    await expect(verdict.textContent()).resolves.toContain('the till code and password were refused (HTTP 401)')
    await expect(verdict.textContent()).resolves.toContain(
      'Check the till code and its password in the connection profile'
    )
    await session.screenshot('connection-profiles')
  })

  it('keeps the password out of the profiles file and the logs', () => {
    const config = session.studio.configDir
    expect(readFileSync(join(config, 'connection-profiles.json'), 'utf8')).toContain('Rehearsal org')
    const files = [
      join(config, 'connection-profiles.json'),
      ...readdirSync(join(config, 'logs')).map((name) => join(config, 'logs', name))
    ]
    for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(password)
  })

  it('made no request off its own origin and raised no page error', () => {
    expect(session.watched.offOrigin).toEqual([])
    expect(session.watched.pageErrors).toEqual([])
  })
})

describe('first start with the sample project', () => {
  let session: StudioInBrowser
  let page: Page

  beforeAll(async () => {
    session = await startStudioInBrowser({ project: 'Sample', sample: true })
    page = session.page
  })

  afterAll(() => session?.close())

  it('offers a local sandbox, starts it in the studio and makes a profile that connects', async () => {
    await page.goto(session.studio.launchUrl)
    await page
      .getByRole('status')
      .getByText(/^Rehearse offline: Settings › Connection profiles/)
      .waitFor()
    await openSettings(page)
    const offer = page.getByRole('group', { name: 'Rehearse offline with the sample project?' })
    await session.screenshot('sandbox-offer')
    await offer.getByRole('button', { name: 'Start local sandbox' }).click()
    await offer.waitFor({ state: 'detached' })
    const local = page.getByRole('listitem', { name: 'Local sandbox' })
    await local.getByRole('button', { name: 'Test connection' }).click()
    await local
      .getByRole('status')
      .getByText(/^Connected to org 1000 on http:\/\/127\.0\.0\.1:\d+ as till sandbox\.till/)
      .waitFor()
    await page.getByText(/It stops with the studio\./).waitFor()
  })

  it('made no request off its own origin and raised no page error', () => {
    expect(session.watched.offOrigin).toEqual([])
    expect(session.watched.pageErrors).toEqual([])
  })
})
