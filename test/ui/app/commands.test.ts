import { describe, expect, it, vi } from 'vitest'
import { createCommandRegistry, matchesShortcut } from '../../../renderer/app/commands'

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init)

describe('the command registry', () => {
  it('runs a registered command by id', () => {
    const registry = createCommandRegistry()
    const run = vi.fn()
    registry.getState().register([{ id: 'a', title: 'A', category: 'Test', run }])
    expect(registry.getState().run('a')).toBe(true)
    expect(run).toHaveBeenCalledOnce()
  })

  it('does not run a disabled or unknown command', () => {
    const registry = createCommandRegistry()
    const run = vi.fn()
    registry.getState().register([{ id: 'a', title: 'A', category: 'Test', enabled: () => false, run }])
    expect(registry.getState().run('a')).toBe(false)
    expect(registry.getState().run('missing')).toBe(false)
    expect(run).not.toHaveBeenCalled()
  })

  it('replaces a command registered again under the same id, and unregisters it', () => {
    const registry = createCommandRegistry()
    registry.getState().register([{ id: 'a', title: 'Old', category: 'Test', run: vi.fn() }])
    const unregister = registry.getState().register([{ id: 'a', title: 'New', category: 'Test', run: vi.fn() }])
    expect(registry.getState().commands.map((command) => command.title)).toEqual(['New'])
    unregister()
    expect(registry.getState().commands).toEqual([])
  })

  it('matches Mod+Shift+P to Ctrl+Shift+P off macOS, and not to Ctrl+P', () => {
    expect(matchesShortcut(key({ key: 'P', ctrlKey: true, shiftKey: true }), 'Mod+Shift+P')).toBe(true)
    expect(matchesShortcut(key({ key: 'p', ctrlKey: true }), 'Mod+Shift+P')).toBe(false)
    expect(matchesShortcut(key({ key: 'P', shiftKey: true }), 'Mod+Shift+P')).toBe(false)
  })
})
