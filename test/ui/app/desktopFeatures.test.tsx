import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { menuCommandIds } from '../../../main/app/menuTemplate'
import { createStudioApi } from '../../../renderer/api/client'
import { App } from '../../../renderer/app/App'
import { ErrorBoundary } from '../../../renderer/app/ErrorBoundary'
import { screens } from '../../../renderer/app/screens'
import { createStudioStores, StudioProvider } from '../../../renderer/app/StudioContext'
import { formatRendererDiagnostics, engineVersions } from '../../../renderer/app/diagnostics'
import { isFirstRun, useTourStore } from '../../../renderer/app/tour'
import { describeUnexpected } from '../../../renderer/app/describeUnexpected'
import { isHarmless } from '../../../renderer/app/UnexpectedErrors'

const appInfo = {
  name: 'Capillary Mapping Studio',
  version: '0.1.0',
  mode: 'electron' as const,
  platform: 'linux',
  configDir: '/home/a/.config/Capillary Mapping Studio'
}

/** The whole App over a transport that answers getAppInfo and fails everything else (no project is open). */
function renderApp() {
  const call = vi.fn(async (name: string) =>
    name === 'getAppInfo'
      ? { ok: true, value: appInfo }
      : { ok: false, error: { code: 'internal', message: 'offline' } }
  )
  const stores = createStudioStores(createStudioApi({ call, subscribe: vi.fn(() => () => undefined) } as never))
  render(
    <StudioProvider stores={stores}>
      <App />
    </StudioProvider>
  )
  return { stores, call }
}

afterEach(() => {
  window.localStorage.clear()
  useTourStore.setState({ open: false, step: 0 })
})

describe('the native menu and the renderer', () => {
  it('finds every command the menu runs registered in the renderer', async () => {
    const { stores } = renderApp()
    await act(async () => undefined)
    const registered = new Set(stores.commands.getState().commands.map((command) => command.id))
    expect(menuCommandIds.filter((id) => !registered.has(id))).toEqual([])
  })

  it('has a View menu item for every screen of the activity bar', () => {
    const menu = new Set<string>(menuCommandIds)
    expect(screens.map((screen) => `view.show.${screen.id}`).filter((id) => !menu.has(id))).toEqual([])
  })

  it('reads the project again (its last save) when test cases change', async () => {
    const listeners: { name: string; listener: (payload: unknown) => void }[] = []
    const call = vi.fn(async (name: string) =>
      name === 'getAppInfo'
        ? { ok: true, value: appInfo }
        : { ok: false, error: { code: 'internal', message: 'offline' } }
    )
    const subscribe = vi.fn((name: string, listener: (payload: unknown) => void) => {
      listeners.push({ name, listener })
      return () => undefined
    })
    const stores = createStudioStores(createStudioApi({ call, subscribe } as never))
    render(
      <StudioProvider stores={stores}>
        <App />
      </StudioProvider>
    )
    await act(async () => undefined)
    call.mockClear()
    await act(async () =>
      listeners.filter((entry) => entry.name === 'testCasesChanged').forEach((entry) => entry.listener({}))
    )
    expect(call).toHaveBeenCalledWith('getProjectState', {})
  })

  it('runs Open Recent with the path the menu gives', async () => {
    const { stores, call } = renderApp()
    await act(async () => undefined)
    await act(async () => void stores.commands.getState().run('project.openRecent', '/p/shop.capmap'))
    expect(call).toHaveBeenCalledWith('openProject', { path: '/p/shop.capmap', readOnly: false })
  })

  it('opens the About dialog with the version from Help › About', async () => {
    const { stores } = renderApp()
    await act(async () => undefined)
    act(() => void stores.commands.getState().run('help.about'))
    expect(screen.getByRole('dialog', { name: 'About Capillary Mapping Studio' })).toBeTruthy()
    expect(screen.getByText('0.1.0')).toBeTruthy()
  })
})

describe('the welcome tour', () => {
  it('is a first run only for the sample project the studio made in its config folder, until closed', () => {
    const { configDir } = appInfo
    expect(isFirstRun(`${configDir}/projects/Sample.capmap`, configDir)).toBe(true)
    expect(isFirstRun('/home/a/work/Sample.capmap', configDir)).toBe(false)
    expect(
      isFirstRun('C:\\Users\\a\\AppData\\Roaming\\S\\projects\\Sample.capmap', 'C:\\Users\\a\\AppData\\Roaming\\S')
    ).toBe(true)
    useTourStore.getState().dismiss()
    expect(isFirstRun(`${configDir}/projects/Sample.capmap`, configDir)).toBe(false)
  })

  it('steps through the screens and is closed for good by Escape', async () => {
    const { stores } = renderApp()
    await act(async () => undefined)
    act(() => void stores.commands.getState().run('help.tour'))
    const tour = screen.getByRole('dialog', { name: 'Settings' })
    expect(tour.textContent).toContain('1 of 1')
    fireEvent.keyDown(tour, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(window.localStorage.getItem('capmap.tourSeen')).toBe('1')
  })
})

describe('diagnostics', () => {
  const userAgent =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/142.0.7444.52 Electron/45.5.0 Safari/537.36'

  it('name the versions, the platform and the folders, and nothing else', () => {
    expect(formatRendererDiagnostics({ appInfo, userAgent, language: 'en-GB' })).toBe(
      [
        'Capillary Mapping Studio 0.1.0 (desktop app)',
        'Platform: linux',
        'Engine: Electron 45.5.0, Chrome 142.0.7444.52',
        'Language: en-GB',
        'Config folder: /home/a/.config/Capillary Mapping Studio',
        'Logs folder: /home/a/.config/Capillary Mapping Studio/logs'
      ].join('\n')
    )
  })

  it("read Chrome's version alone in a browser (web mode)", () => {
    expect(engineVersions('Mozilla/5.0 Chrome/156.0.1.2 Safari/537.36')).toBe('Chrome 156.0.1.2')
  })
})

describe('unexpected errors', () => {
  it('show a panel with the diagnostics instead of a blank window when drawing fails', () => {
    const Broken = () => {
      throw new Error('kaput')
    }
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>
    )
    expect(screen.getByRole('alertdialog', { name: 'Something went wrong' })).toBeTruthy()
    expect(screen.getByText('Error: kaput')).toBeTruthy()
    expect(screen.getByLabelText('Diagnostics').textContent).toContain('Capillary Mapping Studio')
    expect(screen.getByRole('button', { name: 'Reload Window' })).toBeTruthy()
  })

  it('say what a bare event that nothing handled was, not "[object Event]"', () => {
    const script = document.createElement('script')
    script.src = 'http://127.0.0.1/assets/editor.worker.js'
    const failedLoad = new Event('error')
    script.dispatchEvent(failedLoad)
    expect(describeUnexpected(failedLoad)).toBe(
      'An "error" event from the script http://127.0.0.1/assets/editor.worker.js that nothing handled'
    )
    expect(describeUnexpected(new ErrorEvent('error', { message: 'Script failed' }))).toBe(
      'An "error" event that nothing handled: Script failed'
    )
    expect(describeUnexpected(new TypeError('x is undefined'))).toBe('TypeError: x is undefined')
  })

  it("let browsers' harmless noise through", () => {
    expect(isHarmless(undefined, 'ResizeObserver loop completed with undelivered notifications.')).toBe(true)
    expect(isHarmless(Object.assign(new Error('Canceled'), { name: 'Canceled' }), 'Canceled')).toBe(true)
    expect(isHarmless(new TypeError('x is undefined'), 'x is undefined')).toBe(false)
  })
})
