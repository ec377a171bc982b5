import { Command } from 'cmdk'
import { useEffect, useRef, useState } from 'react'
import { useStore } from 'zustand'
import { useReturnFocus } from '../ui/useReturnFocus'
import { displayShortcut, type Command as StudioCommand } from './commands'
import { rankCommands } from './rankCommands'
import { useStudio } from './StudioContext'

interface CommandPaletteProps {
  open: boolean
  onOpenChange(open: boolean): void
}

/**
 * Every registered command, searchable (Ctrl/Cmd+Shift+P), run with Enter. Without a search the commands show in
 * their groups; while searching, as one list ranked by rankCommands, the best match first and highlighted, as in
 * VS Code. cmdk's own filter is off: it scores every group's items alone and kept the groups' order, so Enter ran a
 * weaker match ("undo" opened Export Bundle…).
 */
export function CommandPalette({ open, onOpenChange }: CommandPaletteProps) {
  useReturnFocus(open)
  // A command runs once the palette has closed and given the focus back, so a command that moves the focus (to the
  // inbox's search, into a dialog) keeps it.
  const chosen = useRef<StudioCommand | null>(null)
  useEffect(() => {
    const command = chosen.current
    if (open || !command) return
    chosen.current = null
    const timer = setTimeout(() => void command.run())
    return () => clearTimeout(timer)
  }, [open])

  return (
    <Command.Dialog
      open={open}
      onOpenChange={onOpenChange}
      label="Command palette"
      shouldFilter={false}
      className="palette"
      overlayClassName="palette-overlay"
      contentClassName="palette-content"
    >
      <PaletteSearch
        onRun={(command) => {
          chosen.current = command
          onOpenChange(false)
        }}
      />
    </Command.Dialog>
  )
}

/** The search and its results: mounted while the palette is open, so each opening starts from an empty search. */
function PaletteSearch({ onRun }: { onRun(command: StudioCommand): void }) {
  const { commands } = useStudio()
  const all = useStore(commands, (state) => state.commands)
  const [search, setSearch] = useState('')
  const available = all.filter((command) => !command.hidden && command.enabled?.() !== false)
  const categories = [...new Set(available.map((command) => command.category))].sort()

  const item = (command: StudioCommand, withCategory: boolean) => (
    <Command.Item key={command.id} value={command.id} onSelect={() => onRun(command)} className="palette-item">
      <span>
        {withCategory && <span className="muted">{command.category}: </span>}
        {command.title}
      </span>
      {command.shortcut && <kbd>{displayShortcut(command.shortcut)}</kbd>}
    </Command.Item>
  )

  return (
    <>
      <Command.Input value={search} onValueChange={setSearch} placeholder="Type a command…" className="palette-input" />
      <Command.List className="palette-list">
        <Command.Empty className="palette-empty">No command matches.</Command.Empty>
        {search.trim() === ''
          ? categories.map((category) => (
              <Command.Group key={category} heading={category}>
                {available.filter((command) => command.category === category).map((command) => item(command, false))}
              </Command.Group>
            ))
          : rankCommands(
              categories.flatMap((category) => available.filter((command) => command.category === category)),
              search
            ).map((command) => item(command, true))}
      </Command.List>
    </>
  )
}
