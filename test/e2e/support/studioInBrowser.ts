import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openWatchedPage, type WatchedPage } from './launchBrowser'
import { startWebStudio, type RunningStudio } from './startWebStudio'

export const screenshotsFolder = join(process.cwd(), 'test-results')

export interface StudioInBrowser {
  studio: RunningStudio
  browser: Browser
  watched: WatchedPage
  page: Page
  /** The temporary folder holding the project file. */
  folder: string
  /** Saves a screenshot of the page as test-results/<name>.png. */
  screenshot(name: string): Promise<void>
  /** Calls the studio's API from the page (its session cookie), as the UI does; throws on a refusal. */
  callApi<T>(name: string, input: unknown): Promise<T>
  close(): Promise<void>
}

/**
 * The built studio in web mode on a project of its own (new and empty, or `capmap new --sample`), and a watched
 * Chromium page on it. The page is not opened yet: tests start with `page.goto(studio.launchUrl)`.
 */
export async function startStudioInBrowser(options: { project: string; sample?: boolean }): Promise<StudioInBrowser> {
  mkdirSync(screenshotsFolder, { recursive: true })
  const folder = mkdtempSync(join(tmpdir(), 'capmap-e2e-'))
  const configDir = mkdtempSync(join(tmpdir(), 'capmap-e2e-config-'))
  const projectPath = join(folder, `${options.project}.capmap`)
  if (options.sample) {
    execFileSync(process.execPath, ['bin/capmap.js', 'new', projectPath, '--sample'], {
      env: { ...process.env, CAPMAP_CONFIG_DIR: configDir },
      stdio: 'pipe'
    })
  }
  const studio = await startWebStudio({ projectPath, configDir })
  const browser = await launchBrowser()
  const watched = await openWatchedPage(browser, studio.origin)
  return {
    studio,
    browser,
    watched,
    page: watched.page,
    folder,
    screenshot: async (name) => {
      await watched.page.screenshot({ path: join(screenshotsFolder, `${name}.png`) })
    },
    callApi: <T>(name: string, input: unknown) => callApiFrom<T>(watched.page, name, input),
    close: async () => {
      await browser.close()
      await studio.stop()
      // Each run's project and config would otherwise stay in the temporary folder (tens of MB a run).
      for (const made of [folder, configDir]) rmSync(made, { recursive: true, force: true })
    }
  }
}

async function callApiFrom<T>(page: Page, name: string, input: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ name, input }) => {
      const response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input)
      })
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
    },
    { name, input }
  )
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer.error)}`)
  return answer.value as T
}

/** Resolves once the status bar says every autosave has landed. */
export function waitForSaved(page: Page): Promise<void> {
  return page.getByTestId('status-save').filter({ hasText: 'All changes saved' }).waitFor()
}
