import type { MenuItemConstructorOptions } from 'electron'
import { describe, it, expect } from 'vitest'
import { buildMenuTemplate, menuCommandIds } from '../../../../main/app/menuTemplate'

type Run = { commandId: string; argument?: string }

function menuFor(platform: NodeJS.Platform, recentProjects = [{ path: '/p/shop.capmap', name: 'shop' }]) {
  const runs: Run[] = []
  const template = buildMenuTemplate(platform, {
    runCommand: (commandId, argument) => runs.push(argument === undefined ? { commandId } : { commandId, argument }),
    recentProjects,
    developerTools: false
  })
  return { template, runs }
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : []
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...allItems(submenuOf(item))])
}

function menu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return submenuOf(template.find((item) => item.label?.replace('&', '') === label))
}

function item(items: MenuItemConstructorOptions[], labelStart: string): MenuItemConstructorOptions | undefined {
  return items.find((entry) => entry.label?.startsWith(labelStart))
}

/** Clicks a menu item as Electron would (its click receives the item, the window and the event). */
function click(entry: MenuItemConstructorOptions | undefined): void {
  const handler = entry?.click as ((...args: unknown[]) => void) | undefined
  if (!handler) throw new Error(`menu item ${entry?.label ?? '(missing)'} has no click`)
  handler(entry, undefined, {})
}

const platforms = ['darwin', 'win32', 'linux'] as const

describe('buildMenuTemplate', () => {
  it.each([
    ['New Project', 'project.new', 'CmdOrCtrl+N'],
    ['Open Project', 'project.open', 'CmdOrCtrl+O'],
    ['Save Project As', 'project.saveAs', 'CmdOrCtrl+Shift+S'],
    ['Import Bundle', 'bundle.import', undefined],
    ['Export Bundle', 'bundle.export', undefined],
    ['Close Project', 'project.close', 'CmdOrCtrl+Shift+W']
  ])('has a File item "%s…" that runs the command %s', (labelStart, commandId, accelerator) => {
    for (const platform of platforms) {
      const { template, runs } = menuFor(platform)
      const entry = item(menu(template, 'File'), labelStart)
      click(entry)
      expect(runs).toEqual([{ commandId }])
      expect(entry?.accelerator).toBe(accelerator)
    }
  })

  it('lists recent projects under File › Open Recent, each opening its own path', () => {
    const { template, runs } = menuFor('linux', [
      { path: '/p/shop.capmap', name: 'shop' },
      { path: '/p/crm.capmap', name: 'crm' }
    ])
    const recent = submenuOf(item(menu(template, 'File'), 'Open Recent'))
    expect(recent.map((entry) => entry.label)).toEqual(['shop', 'crm'])
    click(recent[1])
    expect(runs).toEqual([{ commandId: 'project.openRecent', argument: '/p/crm.capmap' }])
  })

  it('says so, disabled, when there is no recent project', () => {
    const recent = submenuOf(item(menu(menuFor('linux', []).template, 'File'), 'Open Recent'))
    expect(recent).toEqual([{ label: 'No Recent Projects', enabled: false }])
  })

  it('offers the welcome tour, Reveal Logs and Copy Diagnostics in Help, as renderer commands', () => {
    for (const platform of platforms) {
      const { template, runs } = menuFor(platform)
      const help = menu(template, 'Help')
      click(item(help, 'Welcome Tour'))
      click(item(help, 'Reveal Logs'))
      click(item(help, 'Copy Diagnostics'))
      expect(runs.map((run) => run.commandId)).toEqual(['help.tour', 'help.revealLogs', 'help.copyDiagnostics'])
    }
  })

  it('puts About in Help on Windows and Linux, and first in the application menu on macOS', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template, runs } = menuFor(platform)
      click(item(menu(template, 'Help'), 'About'))
      expect(runs).toEqual([{ commandId: 'help.about' }])
    }
    const mac = menuFor('darwin')
    const appMenu = submenuOf(mac.template[0])
    click(appMenu[0])
    expect(mac.runs).toEqual([{ commandId: 'help.about' }])
    expect(item(menu(mac.template, 'Help'), 'About')).toBeUndefined()
  })

  it('runs no command while the menu is only built', () => {
    for (const platform of platforms) expect(menuFor(platform).runs).toEqual([])
  })

  it('has Quit in the application menu on macOS and in File (Ctrl+Q) elsewhere', () => {
    expect(submenuOf(menuFor('darwin').template[0]).some((entry) => entry.role === 'quit')).toBe(true)
    expect(menu(menuFor('darwin').template, 'File').some((entry) => entry.role === 'quit')).toBe(false)
    for (const platform of ['win32', 'linux'] as const) {
      const quit = menu(menuFor(platform).template, 'File').find((entry) => entry.role === 'quit')
      expect(quit?.accelerator).toBe('Ctrl+Q')
    }
  })

  it("follows each platform's Redo: Cmd+Shift+Z on macOS, Ctrl+Y on Windows and Linux", () => {
    const redo = (platform: NodeJS.Platform) =>
      menu(menuFor(platform).template, 'Edit').find((entry) => entry.role === 'redo')?.accelerator
    expect(redo('darwin')).toBe('Cmd+Shift+Z')
    expect(redo('win32')).toBe('Ctrl+Y')
    expect(redo('linux')).toBe('Ctrl+Y')
  })

  it('has the Edit roles that reach the focused field: undo, redo, cut, copy, paste, select all', () => {
    const roles = menu(menuFor('linux').template, 'Edit')
      .map((entry) => entry.role)
      .filter(Boolean)
    expect(roles).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll'])
  })

  it('offers the command palette on CmdOrCtrl+Shift+P and every screen on CmdOrCtrl+1…7 and CmdOrCtrl+,', () => {
    const { template, runs } = menuFor('linux')
    const view = menu(template, 'View')
    click(view.find((entry) => entry.accelerator === 'CmdOrCtrl+Shift+P'))
    for (const accelerator of ['CmdOrCtrl+1', 'CmdOrCtrl+4', 'CmdOrCtrl+7', 'CmdOrCtrl+,']) {
      click(view.find((entry) => entry.accelerator === accelerator))
    }
    expect(runs.map((run) => run.commandId)).toEqual([
      'palette.open',
      'view.show.events',
      'view.show.mapping',
      'view.show.publish',
      'view.show.settings'
    ])
  })

  it('shows the developer tools only in development builds', () => {
    const hasDevTools = (developerTools: boolean) =>
      allItems(buildMenuTemplate('linux', { runCommand() {}, recentProjects: [], developerTools })).some(
        (entry) => entry.role === 'toggleDevTools'
      )
    expect(hasDevTools(false)).toBe(false)
    expect(hasDevTools(true)).toBe(true)
  })

  it('gives no two items the same accelerator', () => {
    for (const platform of platforms) {
      const accelerators = allItems(menuFor(platform).template)
        .map((entry) => entry.accelerator)
        .filter((accelerator) => accelerator !== undefined)
      expect(new Set(accelerators).size).toBe(accelerators.length)
    }
  })

  it('runs exactly the command ids it declares, each from some item (test/ui/app checks each is registered)', () => {
    for (const platform of platforms) {
      const { template, runs } = menuFor(platform)
      for (const entry of allItems(template)) if (entry.click) click(entry)
      const declared = new Set<string>(menuCommandIds)
      expect(runs.filter((run) => !declared.has(run.commandId))).toEqual([])
      expect([...new Set(runs.map((run) => run.commandId))].sort()).toEqual([...menuCommandIds].sort())
    }
  })
})
