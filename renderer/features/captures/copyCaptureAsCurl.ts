import type { CaptureDetail } from '../../../shared/model/capture'
import { curlCommand } from './curlCommand'

/** Copies the capture as curl against the running listener; when the clipboard is refused, the command is handed back to show. */
export async function copyCaptureAsCurl(
  capture: CaptureDetail,
  listenerUrl: string | null
): Promise<{ copied: boolean; command: string }> {
  const command = curlCommand(capture, listenerUrl ?? 'http://127.0.0.1:4890/')
  try {
    await navigator.clipboard.writeText(command)
    return { copied: true, command }
  } catch {
    return { copied: false, command }
  }
}
