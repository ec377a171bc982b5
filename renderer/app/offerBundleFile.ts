/**
 * A *.capmap.json the OS opened with the app (main read it: the page can read no file by path) is handed to the
 * bundles feature exactly as a file dropped on the window, so it gets the same checks, limits and import dialog.
 */
export function offerBundleFile({ name, text }: { name: string; text: string }): void {
  const transfer = new DataTransfer()
  transfer.items.add(new File([text], name, { type: 'application/json' }))
  window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
}
