/**
 * A new event's first edit is its name: once the editor shows the event, its name field takes the focus with its
 * text selected, so typing replaces the placeholder name (as a new file's name in VS Code).
 */
export function focusEventName(): void {
  setTimeout(() => {
    const editor = document.querySelector('section[aria-label="Event editor"]')
    const label = [...(editor?.querySelectorAll('label') ?? [])].find(
      (candidate) => candidate.textContent === 'Event name'
    )
    const field = label ? document.getElementById(label.htmlFor) : null
    if (!(field instanceof HTMLInputElement)) return
    field.focus()
    field.select()
  })
}
