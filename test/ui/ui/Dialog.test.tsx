import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { ConfirmDialog } from '../../../renderer/ui/ConfirmDialog'

function Opener() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Delete event
      </button>
      {open && (
        <ConfirmDialog
          title="Delete?"
          message="It goes for good."
          confirmLabel="Delete"
          onConfirm={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        />
      )}
    </>
  )
}

describe('a dialog', () => {
  it('gives the focus back to what opened it when it closes, by Escape or by its buttons', async () => {
    render(<Opener />)
    const opener = screen.getByRole('button', { name: 'Delete event' })
    for (const close of [
      () => fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' }),
      () => fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    ]) {
      opener.focus()
      fireEvent.click(opener)
      await waitFor(() =>
        expect(screen.getByRole('dialog', { name: 'Delete?' }).contains(document.activeElement)).toBe(true)
      )
      act(close)
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
      await waitFor(() => expect(document.activeElement).toBe(opener))
    }
  })
})
