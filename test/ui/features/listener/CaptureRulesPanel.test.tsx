import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderListenerSettings } from './renderListenerSettings'

const rules = (captures = 0) => renderListenerSettings({ part: 'rules', slugs: ['shop'], captures })
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement

describe('Integrations › Capture rules', () => {
  it('turns HMAC-SHA256 verification on with its header, encoding and prefix', async () => {
    const { api } = await rules()
    const scheme = await screen.findByLabelText('Signature verification')
    expect(button('Save verification').disabled).toBe(true)
    // The secret can be kept before verification is on, so turning it on rejects nothing meanwhile.
    expect(screen.getByLabelText('Signing secret')).toBeTruthy()
    expect(
      screen.getByText('Not set. Set it before turning verification on, so no request is rejected meanwhile.')
    ).toBeTruthy()
    fireEvent.change(scheme, { target: { value: 'hmac-sha256' } })
    fireEvent.change(screen.getByLabelText('Header'), { target: { value: 'X-Shop-Signature' } })
    fireEvent.change(screen.getByLabelText('Encoding'), { target: { value: 'base64' } })
    fireEvent.change(screen.getByLabelText('Prefix (optional)'), { target: { value: 'sha256=' } })
    fireEvent.click(button('Save verification'))
    // No secret yet: every request would be rejected, so the form asks first.
    const asked = await screen.findByRole('dialog', { name: 'Verify signatures without the signing secret?' })
    expect(asked.textContent).toContain('every request to /hooks/shop is answered 401 and captured as rejected')
    expect(api.setIntegrationCaptureSettings).not.toHaveBeenCalled()
    fireEvent.click(within(asked).getByRole('button', { name: 'Turn verification on' }))
    await waitFor(() =>
      expect(api.setIntegrationCaptureSettings).toHaveBeenCalledWith({
        integrationId: 'i0',
        verification: { scheme: 'hmac-sha256', header: 'X-Shop-Signature', encoding: 'base64', prefix: 'sha256=' }
      })
    )
    // Saved: the form shows main's answer, and asks for the secret the scheme needs.
    await waitFor(() => expect(button('Save verification').disabled).toBe(true))
    expect(screen.getByText('Not set: every request is rejected until it is.')).toBeTruthy()
  })

  it('asks nothing when the signing secret was set first, as the form advises', async () => {
    const { api } = await rules()
    fireEvent.change(await screen.findByLabelText('Signing secret'), { target: { value: 'we-key-42' } })
    fireEvent.click(button('Keep secret'))
    expect(await screen.findByText(/Held in memory until the studio stops/)).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Signature verification'), { target: { value: 'webengage' } })
    fireEvent.click(button('Save verification'))
    await waitFor(() => expect(api.setIntegrationCaptureSettings).toHaveBeenCalledTimes(1))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('refuses a header name that is not one, beside the form', async () => {
    const { api } = await rules()
    fireEvent.change(await screen.findByLabelText('Signature verification'), { target: { value: 'hmac-sha256' } })
    fireEvent.change(screen.getByLabelText('Header'), { target: { value: 'X Signature' } })
    expect(screen.getByText('Give an HTTP header name such as X-Signature.').className).toBe('field-issues field-error')
    expect(screen.getByLabelText('Header').getAttribute('aria-invalid')).toBe('true')
    expect(button('Save verification').disabled).toBe(true)
    fireEvent.change(screen.getByLabelText('Signature verification'), { target: { value: 'standard-webhooks' } })
    fireEvent.change(screen.getByLabelText('Clock tolerance (seconds)'), { target: { value: '0' } })
    expect(screen.getByLabelText('Clock tolerance (seconds)').getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByText('Give a whole number of seconds from 1 to 86,400.')).toBeTruthy()
    expect(api.setIntegrationCaptureSettings).not.toHaveBeenCalled()
  })

  it('sends the signing secret once, never shows it again, and forgets it on demand', async () => {
    const { api } = await rules()
    fireEvent.change(await screen.findByLabelText('Signature verification'), { target: { value: 'webengage' } })
    fireEvent.click(button('Save verification'))
    fireEvent.click(await screen.findByRole('button', { name: 'Turn verification on' }))
    const secret = (await screen.findByLabelText('Signing secret')) as HTMLInputElement
    expect(secret.type).toBe('password')
    fireEvent.change(secret, { target: { value: 'we-key-42' } })
    fireEvent.click(button('Keep secret'))
    expect(await screen.findByText(/Held in memory until the studio stops/)).toBeTruthy()
    expect(api.secrets.get('i0')).toBe('we-key-42')
    expect((screen.getByLabelText('Signing secret') as HTMLInputElement).value).toBe('')
    expect(document.body.innerHTML).not.toContain('we-key-42')
    fireEvent.click(button('Forget'))
    expect(await screen.findByText('Not set: every request is rejected until it is.')).toBeTruthy()
    expect(api.secrets.has('i0')).toBe(false)
  })

  it('turns redaction on with paths and key names, one per line', async () => {
    const { api } = await rules()
    fireEvent.click(await screen.findByLabelText('Redact personal data before storing captures'))
    fireEvent.change(screen.getByLabelText('Paths, one per line'), {
      target: { value: 'customer.email\n\n  items.*.card  \n' }
    })
    fireEvent.click(screen.getByLabelText('Phone numbers'))
    fireEvent.click(button('Save redaction'))
    await waitFor(() => expect(api.setIntegrationCaptureSettings).toHaveBeenCalledTimes(1))
    const saved = api.setIntegrationCaptureSettings.mock.calls[0]?.[0]
    expect(saved?.redaction).toMatchObject({
      enabled: true,
      paths: ['customer.email', 'items.*.card'],
      phoneNumbers: false,
      emails: true,
      cardNumbers: true
    })
    expect(saved?.redaction?.keyNames).toContain('password')
    await waitFor(() => expect(button('Save redaction').disabled).toBe(true))
  })

  it('applies a retention in days to this integration’s captures after confirming', async () => {
    const { api } = await rules(12)
    fireEvent.change(await screen.findByLabelText('Keep this integration’s captures'), { target: { value: 'days' } })
    fireEvent.change(screen.getByLabelText('Days'), { target: { value: '7.5' } })
    expect(screen.getByText('Give a whole number.')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Days'), { target: { value: '7' } })
    fireEvent.click(button('Apply'))
    const dialog = screen.getByRole('dialog', { name: 'Delete older captures now?' })
    expect(dialog.textContent).toContain('Only this integration’s captures of the last 7 days are kept: older ones')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply and delete' }))
    expect((await screen.findByRole('status')).textContent).toBe('Applied: nothing to delete.')
    expect(api.setRetention).toHaveBeenCalledWith({ integrationId: 'i0', retention: { kind: 'days', days: 7 } })
  })
})
