import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderListenerSettings } from './renderListenerSettings'

const apply = () => screen.getByRole('button', { name: 'Apply and restart the listener' }) as HTMLButtonElement

describe('Settings › Webhook listener', () => {
  it('moves the listener to another port and body limit, then shows what main kept', async () => {
    const { api } = await renderListenerSettings({ part: 'settings' })
    const port = (await screen.findByLabelText('Port')) as HTMLInputElement
    expect(port.value).toBe('4890')
    expect(apply().disabled).toBe(true)
    fireEvent.change(port, { target: { value: '4999' } })
    fireEvent.change(screen.getByLabelText('Body limit (MiB)'), { target: { value: '0.5' } })
    fireEvent.click(apply())
    await waitFor(() =>
      expect(api.setListenerSettings).toHaveBeenCalledWith({ host: '127.0.0.1', port: 4999, bodyLimitBytes: 524288 })
    )
    await waitFor(() => expect(apply().disabled).toBe(true))
    expect((screen.getByLabelText('Port') as HTMLInputElement).value).toBe('4999')
    expect((screen.getByLabelText('Body limit (MiB)') as HTMLInputElement).value).toBe('0.5')
  })

  it('says what is wrong with a port or a limit beside it, and sends nothing', async () => {
    const { api } = await renderListenerSettings({ part: 'settings' })
    fireEvent.change(await screen.findByLabelText('Port'), { target: { value: '70000' } })
    fireEvent.change(screen.getByLabelText('Body limit (MiB)'), { target: { value: '500' } })
    expect(screen.getByText('Give a port from 1 to 65535, or leave it empty for the first free one.')).toBeTruthy()
    expect(screen.getByText('Give a size in MiB from 0.001 (1 KiB) to 100.')).toBeTruthy()
    expect(screen.getByLabelText('Port').getAttribute('aria-invalid')).toBe('true')
    expect(apply().disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Revert' }))
    expect((screen.getByLabelText('Port') as HTMLInputElement).value).toBe('4890')
    expect(api.setListenerSettings).not.toHaveBeenCalled()
  })

  it('shows main’s refusal of a busy port at the Port field, keeps what was typed, and Revert goes back', async () => {
    const { api } = await renderListenerSettings({ part: 'settings', busyPorts: [4817] })
    const port = (await screen.findByLabelText('Port')) as HTMLInputElement
    fireEvent.change(port, { target: { value: '4817' } })
    fireEvent.click(apply())
    const refusal = 'Port 4817 is in use by another program: choose another one. The listener stays on 127.0.0.1:4890.'
    const shown = await screen.findByText(refusal)
    expect(port.getAttribute('aria-describedby')).toContain(shown.id)
    expect(port.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(port)
    expect(port.value).toBe('4817')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(apply().disabled).toBe(false)
    const revert = screen.getByRole('button', { name: 'Revert' }) as HTMLButtonElement
    expect(revert.disabled).toBe(false)
    fireEvent.click(revert)
    expect(port.value).toBe('4890')
    expect(screen.queryByText(refusal)).toBeNull()
    expect(port.getAttribute('aria-invalid')).toBeNull()
    expect(api.setListenerSettings).toHaveBeenCalledTimes(1)
  })

  it('clears the refusal as soon as the port is changed, and applies a free one', async () => {
    const { api } = await renderListenerSettings({ part: 'settings', busyPorts: [4817] })
    const port = (await screen.findByLabelText('Port')) as HTMLInputElement
    fireEvent.change(port, { target: { value: '4817' } })
    fireEvent.click(apply())
    expect(await screen.findByText(/Port 4817 is in use/)).toBeTruthy()
    fireEvent.change(port, { target: { value: '4818' } })
    expect(screen.queryByText(/Port 4817 is in use/)).toBeNull()
    fireEvent.click(apply())
    await waitFor(() => expect(apply().disabled).toBe(true))
    expect(port.value).toBe('4818')
    expect(api.setListenerSettings).toHaveBeenLastCalledWith({ host: '127.0.0.1', port: 4818, bodyLimitBytes: 5242880 })
  })

  it('asks before listening beyond this machine, warns, and shows main’s refusal of a bad address', async () => {
    const { api } = await renderListenerSettings({ part: 'settings' })
    expect(screen.queryByRole('note')).toBeNull()
    fireEvent.click(await screen.findByLabelText('Other machines too'))
    expect(screen.getByRole('note').textContent).toMatch(/Anyone who can reach this machine/)
    const address = screen.getByLabelText('Address to listen on') as HTMLInputElement
    expect(address.value).toBe('0.0.0.0')
    fireEvent.change(address, { target: { value: '10.0.0' } })
    fireEvent.click(apply())
    expect(await screen.findByText('10.0.0 is not an IP address: give one such as 127.0.0.1.')).toBeTruthy()
    expect(address.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(address)
    expect(api.setListenerSettings).toHaveBeenCalledWith({ host: '10.0.0', port: 4890, bodyLimitBytes: 5242880 })
    fireEvent.click(screen.getByLabelText('This machine only (127.0.0.1)'))
    expect(screen.queryByText(/is not an IP address/)).toBeNull()
    expect(screen.queryByRole('note')).toBeNull()
  })

  it('keeps only the newest unmatched captures once the user confirms the deletion', async () => {
    const { api } = await renderListenerSettings({ part: 'settings', captures: 130 })
    fireEvent.change(await screen.findByLabelText('Keep unmatched captures'), { target: { value: 'count' } })
    fireEvent.change(screen.getByLabelText('Captures'), { target: { value: '100' } })
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }))
    const dialog = screen.getByRole('dialog', { name: 'Delete older captures now?' })
    expect(
      within(dialog).getByText(
        'Only the newest 100 of unmatched captures are kept: older ones are deleted now, and from then on as new ones ' +
          'arrive. Deleted captures cannot be brought back.'
      )
    ).toBeTruthy()
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply and delete' }))
    expect((await screen.findByRole('status')).textContent).toBe('Applied: 30 older captures deleted.')
    expect(api.setRetention).toHaveBeenCalledWith({ integrationId: null, retention: { kind: 'count', count: 100 } })
  })

  it('deletes nothing when the user cancels the confirmation', async () => {
    const { api } = await renderListenerSettings({ part: 'settings', captures: 130 })
    fireEvent.change(await screen.findByLabelText('Keep unmatched captures'), { target: { value: 'days' } })
    expect((screen.getByLabelText('Days') as HTMLInputElement).value).toBe('30')
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(api.setRetention).not.toHaveBeenCalled()
  })

  it('leaves every field read-only for a project opened read-only', async () => {
    await renderListenerSettings({ part: 'settings', readOnly: true })
    expect((await screen.findByLabelText('Port')).matches(':disabled')).toBe(true)
    expect(screen.getByLabelText('Other machines too').matches(':disabled')).toBe(true)
    expect(screen.getByLabelText('Keep unmatched captures').matches(':disabled')).toBe(true)
  })
})
