import type { CaptureDetail } from '../../../shared/model/capture'
import { curlCommand } from './curlCommand'

/**
 * Copies the capture, read in full, as curl against the running listener; when the clipboard is refused the command
 * is handed back to show. Null when the capture could not be read.
 */
export async function copyCaptureAsCurl(
  load: () => Promise<CaptureDetail | null>,
  listenerUrl: string | null
): Promise<{ copied: boolean; command: string } | null> {
  const capture = await load()
  if (!capture) return null
  const command = curlCommand(capture, listenerUrl ?? 'http://127.0.0.1:4890/')
  try {
    await navigator.clipboard.writeText(command)
    return { copied: true, command }
  } catch {
    return { copied: false, command }
  }
}
