import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { RequestName } from '../../../../shared/api/contract'
import { fail, ok, type Result } from '../../../../shared/api/result'
import { decodeJson } from '../../../../shared/engine/decode/decodeJson'
import type { CaptureView } from '../../../../shared/model/captureInbox'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { CaptureDetailPane } from '../../../../renderer/features/captures/CaptureDetailPane'
import { fakeCapturesApi, summary } from './fakeCapturesApi'

/** The detail pane inside the studio's real stores, over a transport answered by the inbox's fake api. */
async function renderPane(view?: { decoded: string; totalChars: number }, patch: Partial<CaptureView> = {}) {
  const api = fakeCapturesApi([summary(1), summary(2)])
  const original = api.getCaptureView.getMockImplementation()
  api.getCaptureView.mockImplementation(async (input) => {
    const answer = await original!(input)
    if (!answer.ok) return answer
    const decoded = view
      ? { text: view.decoded, language: 'plaintext' as const, totalChars: view.totalChars }
      : undefined
    return ok({ ...answer.value, ...(decoded ? { decoded } : {}), ...patch })
  })
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = { ...api }
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const stores = createStudioStores(createStudioApi(transport))
  render(
    <StudioProvider stores={stores}>
      <CaptureDetailPane onEdit={vi.fn()} onSaveSample={vi.fn()} />
    </StudioProvider>
  )
  return { stores, api }
}

describe('the capture detail pane', () => {
  it('says what to do while nothing is selected', async () => {
    await renderPane()
    expect(screen.getByText(/Select a capture to see its body/)).toBeTruthy()
  })

  it('shows the selected capture’s body, headers and signature verdict', async () => {
    const { stores } = await renderPane()
    await act(() => stores.captures.getState().select('2'))
    expect((screen.getByRole('textbox', { name: 'Capture body' }) as HTMLTextAreaElement).value).toBe('{\n  "n": 2\n}')
    fireEvent.click(screen.getByRole('tab', { name: 'Headers' }))
    expect(screen.getByRole('table', { name: 'Headers' }).textContent).toContain('application/json')
    fireEvent.click(screen.getByRole('tab', { name: 'Signature' }))
    expect(screen.getByText('Not checked')).toBeTruthy()
  })

  it('says when the body shown is only the start of a larger one', async () => {
    const { stores } = await renderPane({ decoded: 'x'.repeat(1000), totalChars: 5 * 1024 * 1024 })
    await act(() => stores.captures.getState().select('1'))
    expect(screen.getByRole('note').textContent).toMatch(
      /^Showing the first 1,000 of 5,242,880 characters\. The full body is kept/
    )
  })

  it('says why a body is not readable in one sentence, ending in one full stop', async () => {
    const decoded = decodeJson('{"event_name": "room_reserved", broken')
    const { stores } = await renderPane(undefined, { decodeError: decoded.ok ? null : decoded.error })
    await act(() => stores.captures.getState().select('1'))
    expect(screen.getByRole('note').textContent).toBe(
      "Not readable as json: Invalid JSON at line 1, column 33: Quoted object key expected but got 'b'. Shown as received."
    )
  })

  it('names what the decoders noted, as notes above the body', async () => {
    const warning = 'The body is not valid UTF-8; the invalid bytes were replaced by U+FFFD.'
    const { stores } = await renderPane(undefined, { decodeWarnings: [warning] })
    await act(() => stores.captures.getState().select('1'))
    expect(screen.getByRole('note').textContent).toBe(warning)
  })

  it('says where to raise the body limit when a body was not kept', async () => {
    const { stores } = await renderPane(undefined, { bodyKind: 'none', hasBody: false })
    await act(() => stores.captures.getState().select('1'))
    expect(screen.getByText(/over the listener's body limit/).textContent).toBe(
      "The body was not kept: it was over the listener's body limit. Raise it in Settings › Webhook listener."
    )
  })

  it('gives a title that does not fit in full in its tooltip', async () => {
    const { stores } = await renderPane()
    await act(() => stores.captures.getState().select('2'))
    expect(screen.getByRole('heading', { level: 1 }).getAttribute('title')).toBe('POST /hooks/booking-app')
  })

  it('shows the same actions in the same order for every capture, those that do not apply disabled, saying why', async () => {
    const actions = () =>
      within(screen.getByRole('group', { name: 'Capture actions' }))
        .getAllByRole('button')
        .map((button) => button.textContent?.trim() || button.getAttribute('aria-label'))
    const everyAction = [
      'Replay',
      'Edit & replay',
      'Re-send',
      'Re-send signed',
      'Copy as curl',
      'Save as sample',
      'Open in mapping designer',
      'Save as test case',
      'Delete capture'
    ]
    const { stores } = await renderPane(undefined, { bodyKind: 'none', hasBody: false, integrationId: null })
    await act(() => stores.captures.getState().select('1'))
    expect(actions()).toEqual(everyAction)
    const replay = screen.getByRole('button', { name: 'Replay' })
    expect(replay.hasAttribute('disabled')).toBe(true)
    expect(replay.getAttribute('title')).toBe(
      "Run this capture through its integration's mappings. Unavailable: its body was not kept."
    )
    expect(screen.getByRole('button', { name: 'Edit & replay' }).getAttribute('title')).toMatch(
      /Unavailable: its body was not kept\.$/
    )
    expect(screen.getByRole('button', { name: 'Delete capture' }).getAttribute('title')).toBe(
      'Delete (Delete key; Ctrl+Z undoes). Unavailable: the project is open read-only.'
    )
    const openInDesigner = screen.getByRole('button', { name: 'Open in mapping designer' })
    expect(openInDesigner.hasAttribute('disabled')).toBe(false)
    expect(openInDesigner.getAttribute('title')).toBe('Open in the mapping designer')
    cleanup()

    const other = await renderPane()
    await act(() => other.stores.captures.getState().select('2'))
    expect(actions()).toEqual(everyAction)
    expect(screen.getByRole('button', { name: 'Replay' }).hasAttribute('disabled')).toBe(false)
    expect(screen.getByRole('button', { name: 'Replay' }).getAttribute('title')).toBe(
      "Run this capture through its integration's mappings"
    )
  })

  it('says a capture that matched no integration cannot be re-signed or saved as a test case', async () => {
    const { stores } = await renderPane(undefined, { integrationId: null })
    await act(() => stores.captures.getState().select('1'))
    const resign = screen.getByRole('button', { name: 'Re-send signed' })
    expect(resign.hasAttribute('disabled')).toBe(true)
    expect(resign.getAttribute('title')).toMatch(/Unavailable: it matched no integration\.$/)
    expect(screen.getByRole('button', { name: 'Re-send' }).hasAttribute('disabled')).toBe(false)
  })

  it('says a capture of an integration that checks no signature, or is gone, cannot be re-signed', async () => {
    for (const [signedAs, reason] of [
      ['none', 'its integration checks no signature.'],
      [null, 'its integration no longer exists.']
    ] as const) {
      const { stores } = await renderPane(undefined, { signedAs })
      await act(() => stores.captures.getState().select('1'))
      const resign = screen.getByRole('button', { name: 'Re-send signed' })
      expect(resign.hasAttribute('disabled')).toBe(true)
      expect(resign.getAttribute('title')).toBe(
        `Sign it again with the integration's local secret and a fresh timestamp, then send it. Unavailable: ${reason}`
      )
      expect(screen.getByRole('button', { name: 'Re-send' }).hasAttribute('disabled')).toBe(false)
      cleanup()
    }
  })

  it('says when the selected capture no longer exists', async () => {
    const { stores } = await renderPane()
    await act(() => stores.captures.getState().select('99'))
    expect(screen.getByText(/That capture no longer exists/)).toBeTruthy()
  })
})
