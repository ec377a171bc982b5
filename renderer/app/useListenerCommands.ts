import { useEffect } from 'react'
import { copyWithNotice } from './copyWithNotice'
import { useStudio } from './StudioContext'

/** The webhook listener in the palette, as in the status bar: start, stop, and its address to paste into a sender. */
export function useListenerCommands(): void {
  const { commands, listener, project, notifications } = useStudio()
  useEffect(() => {
    const writable = () => project.getState().project?.readOnly === false && !listener.getState().busy
    const state = () => listener.getState().status?.state
    const running = () => state() === 'listening' || state() === 'starting'
    return commands.getState().register([
      {
        id: 'listener.start',
        title: 'Start Listening for Webhooks',
        category: 'Listener',
        enabled: () => writable() && state() !== undefined && !running(),
        run: () => listener.getState().toggle()
      },
      {
        id: 'listener.stop',
        title: 'Stop Listening for Webhooks',
        category: 'Listener',
        enabled: () => writable() && running(),
        run: () => listener.getState().toggle()
      },
      {
        id: 'listener.copyUrl',
        title: 'Copy Listener URL',
        category: 'Listener',
        enabled: () => state() === 'listening' && Boolean(listener.getState().status?.url),
        run: () => copyWithNotice(listener.getState().status?.url ?? '', notifications)
      }
    ])
  }, [commands, listener, project, notifications])
}
