import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ListBox } from '../../../renderer/ui/ListBox'

function Fruits({ onDelete }: { onDelete?: (name: string) => void }) {
  const [selected, setSelected] = useState<string | null>(null)
  return (
    <ListBox
      label="Fruits"
      items={['apple', 'banana', 'cherry']}
      keyOf={(name) => name}
      selectedKey={selected}
      onSelect={setSelected}
      onOtherKey={(event) => {
        if (event.key !== 'Delete' || !selected || !onDelete) return false
        onDelete(selected)
        return true
      }}
    >
      {(name) => <span>{name}</span>}
    </ListBox>
  )
}

const selectedName = () => screen.getByRole('option', { selected: true }).textContent

describe('a list box', () => {
  it('moves the selection with the arrows, Home and End, and announces the active option', () => {
    render(<Fruits />)
    const list = screen.getByRole('listbox', { name: 'Fruits' })
    expect(list.getAttribute('aria-activedescendant')).toBeNull()
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(selectedName()).toBe('apple')
    fireEvent.keyDown(list, { key: 'End' })
    expect(selectedName()).toBe('cherry')
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    expect(selectedName()).toBe('cherry')
    fireEvent.keyDown(list, { key: 'ArrowUp' })
    expect(selectedName()).toBe('banana')
    expect(list.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'banana' }).id)
    fireEvent.keyDown(list, { key: 'Home' })
    expect(selectedName()).toBe('apple')
  })

  it('selects on click, and lets the screen handle its own keys', () => {
    const onDelete = vi.fn()
    render(<Fruits onDelete={onDelete} />)
    fireEvent.click(screen.getByRole('option', { name: 'cherry' }))
    expect(selectedName()).toBe('cherry')
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Delete' })
    expect(onDelete).toHaveBeenCalledWith('cherry')
  })
})
