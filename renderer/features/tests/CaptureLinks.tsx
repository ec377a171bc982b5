import { useStudio } from '../../app/StudioContext'

/** Links that open captures in the inbox. */
export function CaptureLinks({ ids, more }: { ids: readonly string[]; more: number }) {
  const { navigation } = useStudio()
  return (
    <span className="capture-links">
      {ids.map((id) => (
        <button
          key={id}
          type="button"
          className="link-button"
          onClick={() => navigation.getState().open('captures', { id })}
        >
          #{id}
        </button>
      ))}
      {more > 0 && <span className="muted"> and {more} more</span>}
    </span>
  )
}
