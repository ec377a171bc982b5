/** Whether the focus is in a field that keeps its own undo (a text input, a text area, an editor). */
export function typingInAField(): boolean {
  const focused = document.activeElement
  return (
    focused instanceof HTMLElement &&
    (focused.isContentEditable || focused.closest('input, textarea, select, [contenteditable="true"]') !== null)
  )
}
