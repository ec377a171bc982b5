import { act, fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ok } from '../../../../shared/api/result'
import { ListenerReplyDialog } from '../../../../renderer/features/captures/ListenerReplyDialog'
import { fakeCapturesApi, summary } from './fakeCapturesApi'
import { renderInStudio } from '../../support/renderInStudio'

const refusal =
  '{"ok":false,"id":"17","error":{"code":"invalid_json","message":"Invalid JSON at line 1, column 1: JSON value expected but got \'n\'"}}'

/** The dialog showing a reply the listener gave to a test payload. */
async function showReply(body: string, status = 400) {
  const api = fakeCapturesApi([summary(16), summary(17, { status: 'invalid' })])
  const reply = { status, body, url: 'http://127.0.0.1:4890/hooks/booking-app', note: 'Not signed.' }
  const stores = await renderInStudio({ ...api, sendTestPayload: async () => ok(reply) }, <ListenerReplyDialog />)
  await act(() =>
    stores.captures
      .getState()
      .sendTest({ integrationId: 'i-booking', contentType: 'application/json', body: 'x', signed: false })
  )
  return { stores, dialog: screen.getByRole('dialog') }
}

describe('the listener’s reply', () => {
  it('reads a refusal for a person: status, the capture as a link, and why', async () => {
    const { dialog } = await showReply(refusal)
    expect(within(dialog).getByRole('heading').textContent).toBe('Sent: the listener refused it (400)')
    const facts = [...dialog.querySelectorAll('dt')].map((term) => [
      term.textContent,
      term.nextElementSibling?.textContent
    ])
    expect(facts).toEqual([
      ['HTTP status', '400 Bad Request'],
      ['Capture', '#17'],
      ['Refused because', "Invalid JSON at line 1, column 1: JSON value expected but got 'n' (invalid_json)"]
    ])
  })

  it('keeps the raw reply a click away', async () => {
    const { dialog } = await showReply(refusal)
    const raw = within(dialog).getByText('Raw reply').closest('details') as HTMLDetailsElement
    expect(raw.open).toBe(false)
    expect(within(raw).getByLabelText('Raw listener answer').textContent).toBe(refusal)
  })

  it('opens the capture it made in the inbox when its link is clicked', async () => {
    const { dialog, stores } = await showReply(refusal)
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: '#17' })))
    expect(stores.captures.getState()).toMatchObject({ reply: null, selectedId: '17' })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('reads an acceptance the same way', async () => {
    const { dialog } = await showReply('{"ok":true,"id":"12","status":"ok"}', 200)
    expect(within(dialog).getByRole('heading').textContent).toBe('Sent: the listener answered 200')
    expect(within(dialog).getByRole('button', { name: '#12' })).toBeTruthy()
    expect(within(dialog).queryByText('Refused because')).toBeNull()
  })

  it('shows an answer that is not the listener’s as it came, open', async () => {
    const { dialog } = await showReply('<html>Bad gateway</html>', 502)
    expect((within(dialog).getByText('Raw reply').closest('details') as HTMLDetailsElement).open).toBe(true)
    expect(within(dialog).getByText('502')).toBeTruthy()
  })
})
