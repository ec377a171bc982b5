import type { MenuItemConstructorOptions } from 'electron'

/**
 * The native menu, built purely (tested in Node). Items that act on the studio run the renderer's command of the
 * same id, so the menu and the command palette can never disagree.
 */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  runCommand: (commandId: string) => void
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const command = (label: string, commandId: string, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => runCommand(commandId),
    ...(accelerator ? { accelerator } : {})
  })
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        command('New Project…', 'project.new', 'CmdOrCtrl+N'),
        command('Open Project…', 'project.open', 'CmdOrCtrl+O'),
        command('Save Project As…', 'project.saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        command('Import Bundle…', 'bundle.import'),
        command('Export Bundle…', 'bundle.export'),
        { type: 'separator' },
        command('Close Project', 'project.close', isMac ? 'Cmd+Shift+W' : 'Ctrl+Shift+W'),
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }])
      ]
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        command('Command Palette…', 'palette.open', 'CmdOrCtrl+Shift+P'),
        command('Toggle Theme', 'view.toggleTheme'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' }
      ]
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [command('About Capillary Mapping Studio', 'help.about')] }
  ]
}
