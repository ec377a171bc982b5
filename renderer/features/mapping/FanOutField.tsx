import { useState } from 'react'

/**
 * The list a mapping fans out over. A path is taken when the field is left, on Enter, or when a list is picked from
 * the suggestions, not at each keystroke: typing over `items` to reach `lines` would otherwise pass through "no
 * fan-out", and turning fan-out on again rescopes the rules (see setFanOut). Escape puts back the path taken.
 */
export function FanOutField({
  path,
  lists,
  readOnly,
  onTake
}: {
  path: string
  lists: readonly string[]
  readOnly: boolean
  onTake(path: string): void
}) {
  const [text, setText] = useState(path)
  // A path taken elsewhere (undo, another mapping) replaces what the field shows.
  const [shownPath, setShownPath] = useState(path)
  if (shownPath !== path) {
    setShownPath(path)
    setText(path)
  }
  const take = (value: string) => {
    if (value.trim() !== path) onTake(value)
  }
  return (
    <label className="field">
      <span className="field-label">Fan out over (one event per item)</span>
      <input
        className="input mono"
        list="mapping-fan-out-lists"
        placeholder="none"
        value={text}
        disabled={readOnly}
        onChange={(event) => {
          setText(event.target.value)
          if (lists.includes(event.target.value)) take(event.target.value)
        }}
        onBlur={() => take(text)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') take(text)
          if (event.key === 'Escape') setText(path)
        }}
      />
      <datalist id="mapping-fan-out-lists">
        {lists.map((list) => (
          <option key={list} value={list} />
        ))}
      </datalist>
    </label>
  )
}
