import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'
import { newCustomEventDraft } from './newEventDraft'

/** The event designer's palette actions. */
export function useEventCommands(): void {
  const { commands, events, project } = useStudio()
  useEffect(
    () =>
      commands.getState().register([
        {
          id: 'events.newCustom',
          title: 'New Custom Event',
          category: 'Events',
          shortcut: 'Mod+Alt+E',
          enabled: () => project.getState().project?.readOnly === false,
          run: async () => {
            const names = events.getState().events.map((event) => event.name)
            await events.getState().create(newCustomEventDraft(names))
          }
        }
      ]),
    [commands, events, project]
  )
}
