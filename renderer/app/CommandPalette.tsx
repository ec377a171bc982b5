import { Command } from 'cmdk'
import { useStore } from 'zustand'
import { useReturnFocus } from '../ui/useReturnFocus'
import { displayShortcut } from './commands'
import { useStudio } from './StudioContext'

interface CommandPaletteProps {
  open: boolean
  onOpenChange(open: boolean): void
}

/** Every registered command, searchable (Ctrl/Cmd+Shift+P), run with Enter. */
export function CommandPalette({ open, onOpenChange }: CommandPaletteProps) {
  const { commands } = useStudio()
  const all = useStore(commands, (state) => state.commands)
  const available = all.filter((command) => !command.hidden && command.enabled?.() !== false)
  const categories = [...new Set(available.map((command) => command.category))].sort()
  useReturnFocus(open)

  return (
    <Command.Dialog
      open={open}
      onOpenChange={onOpenChange}
      label="Command palette"
      className="palette"
      overlayClassName="palette-overlay"
      contentClassName="palette-content"
    >
      <Command.Input placeholder="Type a command…" className="palette-input" />
      <Command.List className="palette-list">
        <Command.Empty className="palette-empty">No command matches.</Command.Empty>
        {categories.map((category) => (
          <Command.Group key={category} heading={category}>
            {available
              .filter((command) => command.category === category)
              .map((command) => (
                <Command.Item
                  key={command.id}
                  value={`${command.category}: ${command.title}`}
                  onSelect={() => {
                    onOpenChange(false)
                    void command.run()
                  }}
                  className="palette-item"
                >
                  <span>{command.title}</span>
                  {command.shortcut && <kbd>{displayShortcut(command.shortcut)}</kbd>}
                </Command.Item>
              ))}
          </Command.Group>
        ))}
      </Command.List>
    </Command.Dialog>
  )
}
