import { createStore } from 'zustand/vanilla'

/** An action of the studio: run from the palette, a shortcut, a native menu item or a button. */
export interface Command {
  id: string
  title: string
  category: string
  /** Shown and matched as written, with Mod meaning Ctrl (Cmd on macOS): "Mod+Shift+P". */
  shortcut?: string
  /** Hidden from the palette and shortcuts while false. */
  enabled?: () => boolean
  /** A second shortcut for a command already listed: kept out of the palette. */
  hidden?: boolean
  /** `argument` comes only from a native menu item that carries one (File › Open Recent: the project's path). */
  run(argument?: string): void | Promise<void>
}

interface CommandRegistryState {
  commands: Command[]
  register(commands: Command[]): () => void
  run(id: string, argument?: string): boolean
}

/** The command registry every feature adds its actions to. */
export const createCommandRegistry = () =>
  createStore<CommandRegistryState>()((set, get) => ({
    commands: [],
    register(commands) {
      const ids = new Set(commands.map((command) => command.id))
      set((state) => ({ commands: [...state.commands.filter((command) => !ids.has(command.id)), ...commands] }))
      return () => set((state) => ({ commands: state.commands.filter((command) => !commands.includes(command)) }))
    },
    run(id, argument) {
      const command = get().commands.find((candidate) => candidate.id === id)
      if (!command || command.enabled?.() === false) return false
      void (argument === undefined ? command.run() : command.run(argument))
      return true
    }
  }))

export type CommandRegistry = ReturnType<typeof createCommandRegistry>

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform)

/** "Mod+Shift+P" as the user's platform writes it. */
export function displayShortcut(shortcut: string): string {
  return isMac()
    ? shortcut.replace('Mod+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥')
    : shortcut.replace('Mod+', 'Ctrl+')
}

export function matchesShortcut(event: KeyboardEvent, shortcut: string): boolean {
  const parts = shortcut.split('+')
  const key = parts.at(-1)?.toLowerCase()
  const wantsMod = parts.includes('Mod')
  const mod = isMac() ? event.metaKey : event.ctrlKey
  return (
    event.key.toLowerCase() === key &&
    mod === wantsMod &&
    event.shiftKey === parts.includes('Shift') &&
    event.altKey === parts.includes('Alt')
  )
}
