import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  safeStorage,
  screen,
  shell,
  type WebContents
} from 'electron'
import log from 'electron-log/main'
import { autoUpdater } from 'electron-updater'
import { readFile, stat } from 'node:fs/promises'
import { release } from 'node:os'
import { basename, join } from 'node:path'
import { createDispatcher } from '../api/dispatcher'
import { createHandlers } from '../api/handlers'
import { forwardServerEvents, registerIpcTransport } from '../api/ipc'
import { resolveConfigDir } from '../platform/configDir'
import { readUpdateFeedUrl } from '../platform/UpdateSettings'
import { WindowStateFile } from '../platform/WindowStateFile'
import { SafeStorageSecretStore } from '../secrets/SafeStorageSecretStore'
import { createStudio } from '../services/createStudio'
import { fileDialogOptions, type FileDialogs } from '../services/FileDialogs'
import { openStartupProject } from '../services/openStartupProject'
import { appEntryUrl, appScheme, appSchemePrivileges, resolveAppAsset } from './appProtocol'
import { contentSecurityPolicy } from './contentSecurityPolicy'
import { formatDiagnostics } from './diagnostics'
import { fileOpenRequestFromArgv, fileOpenRequest, type FileOpenRequest } from './launchArguments'
import { buildMenuTemplate } from './menuTemplate'
import { decideNavigation, decideWindowOpen, isAppPageUrl } from './navigationPolicy'
import { decidePermission } from './permissionPolicy'
import { choiceOf, unexpectedErrorDialog } from './unexpectedErrorDialog'
import { updateFeedOptions } from './updateFeed'
import { mainWindowOptions } from './windowOptions'
import { restoreWindowState } from './windowState'
import { bundleTextOf, notUtf8Problem } from '../../shared/bundle/bundleText'

/** The thin Electron shell: everything it wires is built and tested elsewhere, in Node. */
const configDir = resolveConfigDir()
const logsDir = join(configDir, 'logs')
app.setPath('userData', configDir)
log.transports.file.resolvePathFn = () => join(logsDir, 'main.log')
log.transports.file.maxSize = 5 * 1024 * 1024
log.initialize()

// A second start hands its file to the running studio (the 'second-instance' event below) and ends.
if (!app.requestSingleInstanceLock()) {
  app.quit()
  process.exit(0)
}
protocol.registerSchemesAsPrivileged([appSchemePrivileges])

const rendererRoot = join(__dirname, '../renderer')
const diagnostics = () =>
  formatDiagnostics({
    appName: app.getName(),
    appVersion: app.getVersion(),
    versions: process.versions,
    platform: process.platform,
    arch: process.arch,
    osRelease: release(),
    configDir,
    logsDir,
    packaged: app.isPackaged
  })

const fileDialogs: FileDialogs = {
  async pickPath(kind) {
    const window = BrowserWindow.getFocusedWindow() ?? undefined
    const { mode, title, filters } = fileDialogOptions(kind)
    if (mode === 'open') {
      const options = { title, filters, properties: ['openFile' as const] }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return { supported: true, path: result.canceled ? null : (result.filePaths[0] ?? null) }
    }
    // Windows and macOS ask before a chosen file is replaced; Linux only when told to. Export Bundle trusts that.
    const options = { title, filters, properties: ['showOverwriteConfirmation' as const] }
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
const windowStateFile = new WindowStateFile(configDir)
let mainWindow: BrowserWindow | undefined
let rendererReady = false
let pendingOpen: FileOpenRequest | null = fileOpenRequestFromArgv(process.argv, process.cwd())

async function showUnexpectedError(what: string, error: unknown): Promise<void> {
  log.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  if (!app.isReady()) return dialog.showErrorBox('Capillary Mapping Studio', `${what}\n\n${diagnostics()}`)
  const options = unexpectedErrorDialog(what, error, diagnostics())
  const { response } = mainWindow
    ? await dialog.showMessageBox(mainWindow, options)
    : await dialog.showMessageBox(options)
  const choice = choiceOf(response)
  if (choice === 'Copy Diagnostics') clipboard.writeText(diagnostics())
  if (choice === 'Reveal Logs') void shell.openPath(logsDir)
  if (choice === 'Quit') app.quit()
  else if (mainWindow && !mainWindow.isDestroyed()) mainWindow.reload()
}
process.on('uncaughtException', (error) => void showUnexpectedError('the studio hit an unexpected error', error))
process.on('unhandledRejection', (error) => void showUnexpectedError('the studio hit an unexpected error', error))

/** A project opens in the running studio (through the renderer, which saves pending edits first); a bundle's text is offered for import. */
async function openFile(request: FileOpenRequest): Promise<void> {
  if (!rendererReady) {
    pendingOpen = request
    return
  }
  if (request.kind === 'project') {
    studio.bus.emit('commandRequested', { commandId: 'project.openRecent', argument: request.path })
    return
  }
  try {
    // The renderer's drop limit (6 MB of text): a larger bundle is imported by its path from File › Import Bundle….
    if ((await stat(request.path)).size > 6 * 1024 * 1024) throw new Error('over 6 MB: use File › Import Bundle…')
    const text = bundleTextOf(await readFile(request.path))
    if (text === undefined) throw new Error(notUtf8Problem('the file'))
    studio.bus.emit('bundleFileOpened', { name: basename(request.path), text })
  } catch (error) {
    dialog.showErrorBox('Capillary Mapping Studio', `${request.path} cannot be opened: ${(error as Error).message}`)
  }
}

function focusMainWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

function refreshMenu(): void {
  const recentProjects = studio.appState
    .recentProjects()
    .filter((project) => project.exists)
    .map(({ path, name }) => ({ path, name }))
  const template = buildMenuTemplate(process.platform, {
    runCommand: (commandId, argument) =>
      studio.bus.emit('commandRequested', argument === undefined ? { commandId } : { commandId, argument }),
    recentProjects,
    developerTools: !app.isPackaged
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, appEntryUrl)
    if (decision !== 'allow') event.preventDefault()
    if (decision === 'open-externally') void shell.openExternal(url)
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url, appEntryUrl) === 'open-externally') void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
app.on('web-contents-created', (_event, contents) => guardContents(contents))

function createMainWindow(): BrowserWindow {
  const restored = restoreWindowState(
    windowStateFile.read(),
    [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((display) => display.workArea)
  )
  const options = mainWindowOptions(join(__dirname, '../preload/index.js'), nativeTheme.shouldUseDarkColors)
  const window = new BrowserWindow({
    ...options,
    ...restored.bounds,
    // Restated here so the audit (electronegativity) reads them at the call; test/unit/main/app proves the builder.
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false }
  })
  if (restored.maximized) window.maximize()
  const { session } = window.webContents
  session.setPermissionRequestHandler((contents, permission, callback) =>
    callback(decidePermission(permission, contents.getURL(), appEntryUrl))
  )
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin, appEntryUrl)
  )
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } })
  })
  const remember = () => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return
    windowStateFile.write({ bounds: window.getNormalBounds(), maximized: window.isMaximized() })
  }
  window.on('close', remember)
  // The renderer refuses to unload while changes cannot be saved (useLeaveGuard); Electron shows no prompt of its
  // own for that, so the user is asked here, as a browser would.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Leave and lose them', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      message: 'Leave without the changes that are not saved?',
      detail: 'Some changes break a rule or were refused, so they could not be saved.'
    })
    if (choice === 0) event.preventDefault()
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.on('did-finish-load', () => {
    rendererReady = true
    if (pendingOpen) void openFile(pendingOpen)
    pendingOpen = null
  })
  window.webContents.on('render-process-gone', (_event, details) => {
    rendererReady = false
    if (details.reason !== 'clean-exit') void showUnexpectedError(`the window stopped (${details.reason})`, details)
  })
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // -3 (ERR_ABORTED) is a navigation we stopped ourselves (navigationPolicy), not a failure.
    if (isMainFrame && code !== -3)
      void showUnexpectedError(`the window could not load ${url}`, `${description} (${code})`)
  })
  void window.loadURL(appEntryUrl)
  return window
}

function startUpdates(): void {
  const { feedUrl, problem } = readUpdateFeedUrl(configDir)
  if (problem) log.warn(problem)
  try {
    const feed = updateFeedOptions(feedUrl)
    if (!feed || !app.isPackaged) return
    autoUpdater.logger = log
    autoUpdater.setFeedURL(feed)
    void autoUpdater.checkForUpdatesAndNotify().catch((error: Error) => log.warn(`update check: ${error.message}`))
  } catch (error) {
    log.warn(`updates stay off: ${(error as Error).message}`)
  }
}

// macOS hands files over with 'open-file', even before 'ready'.
app.on('open-file', (event, path) => {
  event.preventDefault()
  const request = fileOpenRequest(path, process.cwd())
  if (request) void openFile(request)
  focusMainWindow()
})

app.on('second-instance', (_event, argv, workingDirectory) => {
  const request = fileOpenRequestFromArgv(argv, workingDirectory)
  if (request) void openFile(request)
  focusMainWindow()
})

app.whenReady().then(() => {
  protocol.handle(appScheme, async (request) => {
    const asset = resolveAppAsset(request.url, rendererRoot)
    if (!asset.ok) return new Response(null, { status: asset.status })
    try {
      const body = await readFile(asset.path)
      return new Response(body, {
        headers: { 'Content-Type': asset.mimeType, 'Content-Security-Policy': contentSecurityPolicy }
      })
    } catch {
      return new Response(null, { status: 404 })
    }
  })
  registerIpcTransport(ipcMain, createDispatcher(createHandlers(studio), studio.logger), (event) =>
    isAppPageUrl(event.senderFrame?.url ?? '', appEntryUrl)
  )
  forwardServerEvents(studio.bus, () => BrowserWindow.getAllWindows().map((window) => window.webContents))
  // A project named on the command line opens at once; a bundle waits for the window to offer its import.
  const startupProject = pendingOpen?.kind === 'project' ? pendingOpen.path : undefined
  if (startupProject) pendingOpen = null
  openStartupProject(studio, join(configDir, 'projects'), startupProject)
  studio.bus.subscribe((name) => name === 'projectChanged' && refreshMenu())
  refreshMenu()
  mainWindow = createMainWindow()
  mainWindow.on('closed', () => (mainWindow = undefined))
  startUpdates()
})

app.on('window-all-closed', () => {
  studio.session.close()
  app.quit()
})
