import { describe, it, expect } from 'vitest'
import { mainWindowOptions } from '../../../../main/app/windowOptions'

describe('mainWindowOptions', () => {
  const options = mainWindowOptions('/app/out/preload/index.js', false)
  const webPreferences = options.webPreferences ?? {}

  it('isolates the page from the preload (contextIsolation on)', () => {
    expect(webPreferences.contextIsolation).toBe(true)
  })

  it('runs the renderer in the sandbox', () => {
    expect(webPreferences.sandbox).toBe(true)
  })

  it('gives the page and its workers no Node', () => {
    expect(webPreferences.nodeIntegration).toBe(false)
    expect(webPreferences.nodeIntegrationInWorker).toBe(false)
  })

  it('allows no <webview> tag', () => {
    expect(webPreferences.webviewTag).toBe(false)
  })

  it('keeps web security on and insecure content off', () => {
    expect(webPreferences.webSecurity).toBe(true)
    expect(webPreferences.allowRunningInsecureContent).toBe(false)
  })

  it('turns off middle-click (auxclick) link opening', () => {
    expect(webPreferences.disableBlinkFeatures).toBe('Auxclick')
  })

  it('loads the preload from the path it is given', () => {
    expect(webPreferences.preload).toBe('/app/out/preload/index.js')
  })

  it('stays hidden until the page is ready to show', () => {
    expect(options.show).toBe(false)
  })

  it('paints a dark background for a dark theme and a light one otherwise', () => {
    expect(mainWindowOptions('/p.js', true).backgroundColor).not.toBe(mainWindowOptions('/p.js', false).backgroundColor)
  })
})
