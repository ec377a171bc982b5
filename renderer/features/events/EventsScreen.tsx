import { EventEditor } from './EventEditor'
import { EventList } from './EventList'
import { useEventCommands } from './useEventCommands'

/** The Events screen: the project's events on the left, the selected one's designer on the right. */
export function EventsScreen() {
  useEventCommands()
  return (
    <div className="screen">
      <EventList />
      <EventEditor />
    </div>
  )
}
