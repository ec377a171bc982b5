import type { StudioStores } from './StudioContext'

/** Copies text to the clipboard and says so; when the browser refuses, the notice shows the text to copy by hand. */
export async function copyWithNotice(text: string, notifications: StudioStores['notifications']): Promise<void> {
  const copied = await navigator.clipboard.writeText(text).then(
    () => true,
    () => false
  )
  notifications
    .getState()
    .notify(copied ? 'info' : 'error', copied ? `Copied ${text}` : `This browser refused the clipboard: ${text}`)
}
