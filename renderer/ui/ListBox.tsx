import { useId, type KeyboardEvent, type ReactNode } from 'react'

interface ListBoxProps<T> {
  /** What screen readers call the list. */
  label: string
  items: readonly T[]
  keyOf(item: T): string
  selectedKey: string | null
  onSelect(key: string): void
  /** Other keys (Delete…), asked first; true when handled. */
  onOtherKey?(event: KeyboardEvent<HTMLUListElement>): boolean
  /** The inside of one row. */
  children(item: T): ReactNode
}

/**
 * A screen's list of items, one selected: a listbox whose focus stays on the list while the arrows, Home and End
 * move the selection (the active option is announced through aria-activedescendant), and a click selects.
 */
export function ListBox<T>({ label, items, keyOf, selectedKey, onSelect, onOtherKey, children }: ListBoxProps<T>) {
  const listId = useId()
  const optionId = (key: string) => `${listId}-option-${key}`
  const selectAt = (index: number) => {
    const item = items[Math.min(items.length - 1, Math.max(0, index))]
    if (item !== undefined) onSelect(keyOf(item))
  }
  const selectedIndex = items.findIndex((item) => keyOf(item) === selectedKey)
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (onOtherKey?.(event)) return event.preventDefault()
    if (event.key === 'ArrowDown') selectAt(selectedIndex === -1 ? 0 : selectedIndex + 1)
    else if (event.key === 'ArrowUp') selectAt(selectedIndex === -1 ? 0 : selectedIndex - 1)
    else if (event.key === 'Home') selectAt(0)
    else if (event.key === 'End') selectAt(items.length - 1)
    else return
    event.preventDefault()
  }
  return (
    <ul
      className="list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selectedIndex === -1 ? undefined : optionId(selectedKey ?? '')}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => {
        const key = keyOf(item)
        return (
          <li
            key={key}
            id={optionId(key)}
            role="option"
            aria-selected={key === selectedKey}
            className="list-item"
            onClick={() => onSelect(key)}
          >
            {children(item)}
          </li>
        )
      })}
    </ul>
  )
}
