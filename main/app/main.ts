import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, safeStorage, shell } from 'electron'
import log from 'electron-log/main'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createDispatcher } from '../api/dispatcher'
import { createHandlers } from '../api/handlers'
import { forwardServerEvents, registerIpcTransport } from '../api/ipc'
import { resolveConfigDir } from '../platform/configDir'
import { SafeStorageSecretStore } from '../secrets/SafeStorageSecretStore'
import { createStudio } from '../services/createStudio'
import type { FileDialogs } from '../services/FileDialogs'
import { openStartupProject } from '../services/openStartupProject'
import { contentSecurityPolicy } from './contentSecurityPolicy'
import { buildMenuTemplate } from './menuTemplate'
import { decideNavigation, decideWindowOpen, isAppPageUrl } from './navigationPolicy'
import { mainWindowOptions } from './windowOptions'

/** The thin Electron shell: everything it wires is built and tested elsewhere, in Node. */
const configDir = resolveConfigDir()
app.setPath('userData', configDir)
log.transports.file.resolvePathFn = () => join(configDir, 'logs', 'main.log')
log.transports.file.maxSize = 5 * 1024 * 1024
log.initialize()

const rendererIndex = join(__dirname, '../renderer/index.html')
const appEntryUrl = pathToFileURL(rendererIndex).href

const fileDialogs: FileDialogs = {
  async pickProjectPath(purpose) {
    const window = BrowserWindow.getFocusedWindow() ?? undefined
    const filters = [{ name: 'Capillary Mapping Studio project', extensions: ['capmap'] }]
    if (purpose === 'open') {
      const options = { properties: ['openFile' as const], filters }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return { supported: true, path: result.canceled ? null : (result.filePaths[0] ?? null) }
    }
    const options = { filters, title: purpose === 'new' ? 'New project' : 'Save project as' }
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
    return { supported: true, path: result.canceled ? null : (result.filePath ?? null) }
  }
}

const studio = createStudio({
  configDir,
  mode: 'electron',
  version: app.getVersion(),
  logger: { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) },
  fileDialogs,
  secrets: new SafeStorageSecretStore(safeStorage, join(configDir, 'secrets.json'))
})

if (!app.requestSingleInstanceLock()) app.quit()

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, appEntryUrl)
    if (decision !== 'allow') event.preventDefault()
    if (decision === 'open-externally') void shell.openExternal(url)
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url, appEntryUrl) === 'open-externally') void shell.openExternal(url)
    return { action: 'deny' }
  })
})

app.whenReady().then(() => {
  registerIpcTransport(ipcMain, createDispatcher(createHandlers(studio), studio.logger), (event) =>
    isAppPageUrl(event.senderFrame?.url ?? '', appEntryUrl)
  )
  forwardServerEvents(studio.bus, () => BrowserWindow.getAllWindows().map((window) => window.webContents))
  openStartupProject(studio, join(configDir, 'projects'))

  const window = new BrowserWindow(
    mainWindowOptions(join(__dirname, '../preload/index.js'), nativeTheme.shouldUseDarkColors)
  )
  window.webContents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } })
  })
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, (commandId) => studio.bus.emit('commandRequested', { commandId }))
    )
  )
  window.once('ready-to-show', () => window.show())
  void window.loadFile(rendererIndex)
})

app.on('second-instance', () => {
  const window = BrowserWindow.getAllWindows()[0]
  if (window?.isMinimized()) window.restore()
  window?.focus()
})

app.on('window-all-closed', () => {
  studio.session.close()
  app.quit()
})
