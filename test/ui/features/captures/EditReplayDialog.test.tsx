import { act, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ok } from '../../../../shared/api/result'
import { useStudioStore } from '../../../../renderer/app/StudioContext'
import { escapeThenTabHint } from '../../../../renderer/editor/escapeThenTab'
import { EditReplayDialog } from '../../../../renderer/features/captures/EditReplayDialog'
import { renderInStudio } from '../../support/renderInStudio'
import { fakeCapturesApi, summary } from './fakeCapturesApi'

/** The dialog on the selected capture, as the inbox opens it. */
function DialogOnSelected({ onClose }: { onClose(): void }) {
  const detail = useStudioStore(
    (s) => s.captures,
    (state) => state.detail
  )
  return detail ? <EditReplayDialog detail={detail} onClose={onClose} /> : null
}

/** The dialog on capture 5, with its whole body loaded into the editor. */
async function openDialog() {
  const onClose = vi.fn()
  await renderInStudio({ ...fakeCapturesApi([summary(5)]) }, <DialogOnSelected onClose={onClose} />, (stores) =>
    stores.captures.getState().select('5')
  )
  const dialog = screen.getByRole('dialog', { name: 'Edit and replay capture #5' })
  const editor = within(dialog).getByRole('textbox', { name: 'Edited body' })
  await act(async () => undefined)
  expect((editor as HTMLTextAreaElement).value).toBe('{"n":5}')
  return { dialog, editor, onClose }
}

describe('the edit and replay dialog', () => {
  it('says under the editor how to leave it, since Tab indents there', async () => {
    const { dialog } = await openDialog()
    expect(within(dialog).getByText(escapeThenTabHint).id).toBe('capture-edit-hint')
  })

  it('stays open on Escape in the editor, the first half of its way out, keeping the edits', async () => {
    const { dialog, editor, onClose } = await openDialog()
    fireEvent.change(editor, { target: { value: '{"n":6}' } })
    fireEvent.keyDown(editor, { key: 'Escape' })
    expect(onClose).not.toHaveBeenCalled()
    expect((within(dialog).getByRole('textbox', { name: 'Edited body' }) as HTMLTextAreaElement).value).toBe('{"n":6}')
  })

  it('closes on Escape anywhere else', async () => {
    const { dialog, onClose } = await openDialog()
    fireEvent.keyDown(within(dialog).getByRole('button', { name: 'Cancel' }), { key: 'Escape' })
    expect(onClose).toHaveBeenCalledOnce()
  })

  it('offers no signed send for an integration that checks no signature, saying why', async () => {
    const api = fakeCapturesApi([summary(5)])
    const view = api.getCaptureView.getMockImplementation()!
    api.getCaptureView.mockImplementation(async (input) => {
      const answer = await view(input)
      return answer.ok ? ok({ ...answer.value, signedAs: 'none' as const }) : answer
    })
    await renderInStudio({ ...api }, <DialogOnSelected onClose={vi.fn()} />, (stores) =>
      stores.captures.getState().select('5')
    )
    // Once the whole body is in the editor, only the signed send stays off.
    await act(async () => undefined)
    const signed = screen.getByRole('button', { name: 'Send edited, signed' })
    expect(signed.hasAttribute('disabled')).toBe(true)
    expect(signed.getAttribute('title')).toBe('Unavailable: its integration checks no signature.')
    expect(screen.getByRole('button', { name: 'Send edited' }).hasAttribute('disabled')).toBe(false)
  })
})
