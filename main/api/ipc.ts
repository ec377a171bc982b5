import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { requestNames } from '../../shared/api/contract'
import { fail } from '../../shared/api/result'
import { eventChannelPrefix, requestChannelPrefix } from '../../shared/api/transport'
import type { ServerEventBus } from '../services/ServerEventBus'
import type { Dispatch } from './dispatcher'

/**
 * The IPC transport: one `ipcMain.handle` per request of the contract, on our prefix, answering only frames of our
 * own app (the sender check); server events are sent to every window. `electron` is imported for types only so
 * this is tested in Node with a stand-in.
 */
export function registerIpcTransport(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean
): void {
  for (const name of requestNames) {
    ipcMain.handle(`${requestChannelPrefix}${name}`, async (event, input: unknown) => {
      if (!isTrustedSender(event)) return fail('unauthorized', 'This window may not call the studio.')
      return dispatch(name, input)
    })
  }
}

export function forwardServerEvents(bus: ServerEventBus, windows: () => Pick<WebContents, 'send'>[]): () => void {
  return bus.subscribe((name, payload) => {
    for (const contents of windows()) contents.send(`${eventChannelPrefix}${name}`, payload)
  })
}
