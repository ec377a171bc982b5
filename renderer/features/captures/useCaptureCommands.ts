import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'
import { copyCaptureAsCurl } from './copyCaptureAsCurl'
import { canUndoDelete } from './store'

/** Also offered from every screen (useScreenCommandLaunchers): it shows this screen and runs there. */
export const sendTestPayloadCommand = { id: 'captures.sendTest', title: 'Send a Test Payload', category: 'Inbox' }

export type InboxDialog = 'sendTest' | 'edit' | 'saveSample'

/** The inbox's palette actions (registered while the screen is shown); the list itself handles Delete, Enter, arrows. */
export function useCaptureCommands(openDialog: (dialog: InboxDialog) => void): void {
  const { commands, captures, project, navigation, notifications, listener } = useStudio()
  useEffect(() => {
    const writable = () => project.getState().project?.readOnly === false
    const selected = () => captures.getState().selectedId !== null
    const withBody = () => captures.getState().detail?.hasBody === true
    return commands.getState().register([
      {
        ...sendTestPayloadCommand,
        run: () => openDialog('sendTest')
      },
      {
        id: 'captures.replay',
        title: 'Replay Capture Through Its Mapping',
        category: 'Inbox',
        enabled: withBody,
        run: () => captures.getState().replaySelected()
      },
      {
        id: 'captures.editReplay',
        title: 'Edit and Replay Capture',
        category: 'Inbox',
        enabled: withBody,
        run: () => openDialog('edit')
      },
      {
        id: 'captures.resend',
        title: 'Re-send Capture to the Listener',
        category: 'Inbox',
        enabled: withBody,
        run: () => captures.getState().resendSelected('original')
      },
      {
        id: 'captures.resendSigned',
        title: 'Re-send Capture, Re-signed',
        category: 'Inbox',
        enabled: () => withBody() && captures.getState().detail?.integrationId != null,
        run: () => captures.getState().resendSelected('resigned')
      },
      {
        id: 'captures.copyCurl',
        title: 'Copy Capture as curl',
        category: 'Inbox',
        enabled: () => captures.getState().detail !== null,
        run: async () => {
          const copy = await copyCaptureAsCurl(captures.getState().fullBody, listener.getState().status?.url ?? null)
          if (!copy) return
          notifications
            .getState()
            .notify(
              copy.copied ? 'info' : 'error',
              copy.copied ? 'Copied as curl.' : 'This browser refused the clipboard.'
            )
        }
      },
      {
        id: 'captures.saveSample',
        title: 'Save Capture as Sample',
        category: 'Inbox',
        enabled: () => writable() && withBody(),
        run: () => openDialog('saveSample')
      },
      {
        id: 'captures.openInDesigner',
        title: 'Open Capture in Mapping Designer',
        category: 'Inbox',
        enabled: selected,
        run: () => {
          const captureId = captures.getState().selectedId
          if (captureId) navigation.getState().open('mapping', { with: { captureId } })
        }
      },
      {
        id: 'captures.saveTestCase',
        title: 'Save Capture as Test Case',
        category: 'Inbox',
        enabled: () => writable() && withBody(),
        run: () => {
          const captureId = captures.getState().selectedId
          if (captureId) navigation.getState().open('tests', { with: { captureId } })
        }
      },
      {
        id: 'captures.delete',
        title: 'Delete Capture',
        category: 'Inbox',
        enabled: () => writable() && selected(),
        run: () => {
          const id = captures.getState().selectedId
          if (id) return captures.getState().discard([id])
        }
      },
      {
        id: 'captures.undoDelete',
        title: 'Undo Delete of Captures',
        category: 'Inbox',
        enabled: () => canUndoDelete(captures.getState()),
        run: () => captures.getState().undoDelete()
      },
      {
        id: 'captures.clearFilters',
        title: 'Clear Inbox Filters',
        category: 'Inbox',
        run: () => captures.getState().clearFilter()
      }
    ])
  }, [commands, captures, project, navigation, notifications, listener, openDialog])
}
