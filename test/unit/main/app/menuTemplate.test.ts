import type { MenuItemConstructorOptions } from 'electron'
import { describe, it, expect } from 'vitest'
import { buildMenuTemplate } from '../../../../main/app/menuTemplate'

function menuFor(platform: NodeJS.Platform) {
  const commands: string[] = []
  const template = buildMenuTemplate(platform, (commandId) => commands.push(commandId))
  return { template, commands }
}

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : []
}

function allItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...allItems(submenuOf(item))])
}

function fileMenu(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return submenuOf(template.find((item) => item.label?.replace('&', '') === 'File'))
}

/** Clicks a menu item as Electron would (its click receives the item, the window and the event). */
function click(item: MenuItemConstructorOptions | undefined): void {
  const handler = item?.click as ((...args: unknown[]) => void) | undefined
  if (!handler) throw new Error(`menu item ${item?.label ?? '(missing)'} has no click`)
  handler(item, undefined, {})
}

describe('buildMenuTemplate', () => {
  it.each([
    ['New', 'project.new'],
    ['Open', 'project.open'],
    ['Save Project As', 'project.saveAs'],
    ['Close', 'project.close']
  ])('has a File item "%s…" that runs the command %s', (labelStart, commandId) => {
    const { template, commands } = menuFor('linux')
    const item = fileMenu(template).find((entry) => entry.label?.startsWith(labelStart))
    click(item)
    expect(commands).toEqual([commandId])
  })

  it('runs no command while the menu is only built', () => {
    expect(menuFor('linux').commands).toEqual([])
    expect(menuFor('darwin').commands).toEqual([])
  })

  it('starts with the application menu on macOS', () => {
    expect(menuFor('darwin').template[0]?.role).toBe('appMenu')
  })

  it('has no application menu on Windows and Linux, and Quit in the File menu instead', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = menuFor(platform)
      expect(allItems(template).some((item) => item.role === 'appMenu')).toBe(false)
      expect(fileMenu(template).some((item) => item.role === 'quit')).toBe(true)
    }
  })

  it('offers the command palette on CmdOrCtrl+Shift+P', () => {
    const { template, commands } = menuFor('linux')
    const palette = allItems(template).find((item) => item.accelerator === 'CmdOrCtrl+Shift+P')
    click(palette)
    expect(commands).toEqual(['palette.open'])
  })

  it('gives no two items the same accelerator', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = allItems(menuFor(platform).template)
        .map((item) => item.accelerator)
        .filter((accelerator) => accelerator !== undefined)
      expect(new Set(accelerators).size).toBe(accelerators.length)
    }
  })
})
