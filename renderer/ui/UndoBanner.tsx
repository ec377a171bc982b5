import { Undo2 } from 'lucide-react'

/** What was just deleted, with the button that puts it back (a list's undo, as mail clients show it). */
export function UndoBanner({ message, onUndo }: { message: string; onUndo(): void }) {
  return (
    <div className="undo-banner" role="status">
      {message}
      <button type="button" className="link-button" onClick={onUndo}>
        <Undo2 size={13} /> Undo
      </button>
    </div>
  )
}
