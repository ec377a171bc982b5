import { CircleAlert } from 'lucide-react'

/**
 * Said in an editor whose open item was changed outside it while it had unsaved edits: autosave holds them until the
 * user keeps theirs (saved over the change) or takes the saved version.
 */
export function ChangedOutsideBanner({
  name,
  onKeepMine,
  onTakeSaved
}: {
  name: string
  onKeepMine(): void
  onTakeSaved(): void
}) {
  return (
    <div className="banner" role="alert">
      <CircleAlert size={14} aria-hidden />
      <span>
        {name} was changed outside this editor (a bundle merged, say) while you had unsaved edits here: they wait,
        unsaved, until you choose.
      </span>
      <button type="button" className="button" onClick={onKeepMine}>
        Save mine over it
      </button>
      <button type="button" className="button" onClick={onTakeSaved}>
        Take the saved version
      </button>
    </div>
  )
}
