import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'
import { undoRedoCommands, type Undoable } from '../../app/undoRedoCommands'
import { typingInAField } from '../../ui/typingInAField'
import { newCustomEventDraft } from './newEventDraft'
import { focusEventName } from './focusEventName'
import { undoEventDelete } from './undoEventDelete'

/** Also offered from every screen (useScreenCommandLaunchers): it shows this screen and runs there. */
export const newCustomEventCommand = {
  id: 'events.newCustom',
  title: 'New Custom Event',
  category: 'Events',
  shortcut: 'Mod+Alt+E'
}
export const addStandardEventCommand = {
  id: 'events.addStandard',
  title: 'Add Standard Event from the Library…',
  category: 'Events'
}

/** The event designer's palette actions and shortcuts (registered while the Events screen is shown). */
export function useEventCommands(openLibrary: () => void): void {
  const { commands, events, notifications, project } = useStudio()
  useEffect(() => {
    const writable = () => project.getState().project?.readOnly === false
    const selected = () => writable() && events.getState().selectedId !== null
    // Ctrl+Z undoes the open event's last edit; with no event open (one was just deleted), that delete, unless the
    // user is typing somewhere (the search box, a dialog): the text's own undo is theirs.
    const editsOrDelete = {
      getState: (): Undoable => {
        const state = events.getState()
        const undoesDelete = writable() && state.selectedId === null && state.lastDeletion !== null && !typingInAField()
        return {
          canUndo: state.canUndo || undoesDelete,
          canRedo: state.canRedo,
          undo: () => (undoesDelete ? void undoEventDelete(events, notifications) : state.undo()),
          redo: state.redo
        }
      }
    }
    return commands.getState().register([
      {
        ...newCustomEventCommand,
        enabled: writable,
        run: async () => {
          const names = events.getState().events.map((event) => event.name)
          if (await events.getState().create(newCustomEventDraft(names))) focusEventName()
        }
      },
      {
        ...addStandardEventCommand,
        enabled: writable,
        run: openLibrary
      },
      {
        id: 'events.duplicate',
        title: 'Duplicate Event',
        category: 'Events',
        enabled: selected,
        run: async () => {
          const id = events.getState().selectedId
          if (id) await events.getState().duplicate(id)
        }
      },
      {
        id: 'events.undoDelete',
        title: 'Undo Delete of Event',
        category: 'Events',
        enabled: () => writable() && events.getState().lastDeletion !== null,
        run: () => undoEventDelete(events, notifications)
      },
      ...undoRedoCommands(editsOrDelete)
    ])
  }, [commands, events, notifications, project, openLibrary])
}
