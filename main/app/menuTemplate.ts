import type { MenuItemConstructorOptions } from 'electron'

/** A recent project as the File › Open Recent submenu lists it. */
export interface RecentProjectItem {
  path: string
  name: string
}

export interface MenuActions {
  /** Runs the renderer's command of that id (the palette runs the same one), with an optional argument. */
  runCommand(commandId: string, argument?: string): void
  recentProjects: readonly RecentProjectItem[]
  /** Developer tools only in development builds. */
  developerTools: boolean
}

/** The command ids the menu runs: each must be registered in the renderer (test/ui/app proves it). */
export const menuCommandIds = [
  'project.new',
  'project.open',
  'project.openRecent',
  'project.saveAs',
  'bundle.import',
  'bundle.export',
  'project.close',
  'palette.open',
  'view.toggleTheme',
  'view.show.events',
  'view.show.integrations',
  'view.show.captures',
  'view.show.mapping',
  'view.show.tests',
  'view.show.deliveries',
  'view.show.publish',
  'view.show.settings',
  'help.tour',
  'help.revealLogs',
  'help.copyDiagnostics',
  'help.about'
] as const
export type MenuCommandId = (typeof menuCommandIds)[number]

/**
 * The native menu, built purely (tested in Node). Items that act on the studio run the renderer's command of the
 * same id, so the menu and the command palette can never disagree. Shortcuts follow each platform: Cmd on macOS,
 * Ctrl elsewhere (CmdOrCtrl), Redo on Ctrl+Y on Windows and Linux and Cmd+Shift+Z on macOS, Quit in File and About in Help except on macOS,
 * where they live in the application menu.
 */
export function buildMenuTemplate(platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const command = (label: string, commandId: MenuCommandId, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => actions.runCommand(commandId),
    ...(accelerator ? { accelerator } : {})
  })
  const about = command('About Capillary Mapping Studio', 'help.about')
  const recent: MenuItemConstructorOptions[] = actions.recentProjects.length
    ? actions.recentProjects.map((project) => ({
        label: project.name,
        sublabel: project.path,
        toolTip: project.path,
        click: () => actions.runCommand('project.openRecent', project.path)
      }))
    : [{ label: 'No Recent Projects', enabled: false }]
  const screens: [string, MenuCommandId, string][] = [
    ['Events', 'view.show.events', 'CmdOrCtrl+1'],
    ['Integrations', 'view.show.integrations', 'CmdOrCtrl+2'],
    ['Inbox', 'view.show.captures', 'CmdOrCtrl+3'],
    ['Mappings', 'view.show.mapping', 'CmdOrCtrl+4'],
    ['Tests', 'view.show.tests', 'CmdOrCtrl+5'],
    ['Deliveries', 'view.show.deliveries', 'CmdOrCtrl+6'],
    ['Publish', 'view.show.publish', 'CmdOrCtrl+7'],
    ['Settings', 'view.show.settings', 'CmdOrCtrl+,']
  ]

  return [
    ...(isMac
      ? [
          {
            label: 'Capillary Mapping Studio',
            submenu: [
              about,
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const }
            ]
          }
        ]
      : []),
    {
      label: '&File',
      submenu: [
        command('New Project…', 'project.new', 'CmdOrCtrl+N'),
        command('Open Project…', 'project.open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recent },
        { type: 'separator' },
        command('Save Project As…', 'project.saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        command('Import Bundle…', 'bundle.import'),
        command('Export Bundle…', 'bundle.export'),
        { type: 'separator' },
        command('Close Project', 'project.close', 'CmdOrCtrl+Shift+W'),
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, accelerator: 'Ctrl+Q' }])
      ]
    },
    {
      label: '&Edit',
      submenu: [
        // Native roles: they reach whatever has focus (a field, Monaco), and the page's own Undo shortcut still runs.
        { role: 'undo' },
        { role: 'redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' }
      ]
    },
    {
      label: '&View',
      submenu: [
        command('Command Palette…', 'palette.open', 'CmdOrCtrl+Shift+P'),
        command('Toggle Light/Dark Theme', 'view.toggleTheme', 'CmdOrCtrl+Alt+T'),
        { type: 'separator' },
        ...screens.map(([label, id, accelerator]) => command(label, id, accelerator)),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(actions.developerTools ? [{ role: 'toggleDevTools' as const }] : [])
      ]
    },
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [
        command('Welcome Tour', 'help.tour'),
        { type: 'separator' },
        command('Reveal Logs', 'help.revealLogs'),
        command('Copy Diagnostics', 'help.copyDiagnostics'),
        ...(isMac ? [] : [{ type: 'separator' as const }, about])
      ]
    }
  ]
}
