import type { BrowserWindowConstructorOptions } from 'electron'

/** The main window's options, built purely so a test can prove the security baseline without Electron. */
export function mainWindowOptions(preloadPath: string, darkBackground: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Capillary Mapping Studio',
    backgroundColor: darkBackground ? '#1e1f22' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // A middle click never opens a link in a new window (window.open is denied anyway: navigationPolicy.ts).
      disableBlinkFeatures: 'Auxclick'
    }
  }
}
