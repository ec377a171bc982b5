import './events.css'
import { useCallback, useState } from 'react'
import { useStudio } from '../../app/StudioContext'
import { EventEditor } from './EventEditor'
import { EventList } from './EventList'
import { LibraryDialog } from './LibraryDialog'
import { useEventCommands } from './useEventCommands'

/** The Events screen: the project's events on the left, the selected one's designer on the right. */
export function EventsScreen() {
  const { events } = useStudio()
  const [libraryOpen, setLibraryOpen] = useState(false)
  const openLibrary = useCallback(() => setLibraryOpen(true), [])
  useEventCommands(openLibrary)
  return (
    <div className="screen">
      <EventList onOpenLibrary={openLibrary} />
      <EventEditor />
      {libraryOpen && (
        <LibraryDialog
          onClose={() => setLibraryOpen(false)}
          onPick={(name) => {
            setLibraryOpen(false)
            void events.getState().addStandard(name)
          }}
        />
      )}
    </div>
  )
}
