import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { profile } from './fakeProfilesApi'
import { renderSettings } from './renderSettings'

const openForm = async () => {
  fireEvent.click(await screen.findByRole('button', { name: 'Add profile' }))
  return screen.getByRole('dialog', { name: 'New connection profile' })
}

describe('Settings › Connection profiles', () => {
  it('keeps the theme and the facts of the studio', async () => {
    renderSettings()
    expect(screen.getByRole('group', { name: 'Theme' })).toBeTruthy()
    expect(screen.getByText('/home/consultant/.config/Capillary Mapping Studio')).toBeTruthy()
  })

  it('says what to do when there is no profile, and offers the local sandbox on first start', async () => {
    renderSettings({ offer: true })
    expect(await screen.findByText(/No connection profiles yet/)).toBeTruthy()
    const offer = screen.getByRole('group', { name: 'Rehearse offline with the sample project?' })
    fireEvent.click(within(offer).getByRole('button', { name: 'Not now' }))
    await waitFor(() =>
      expect(screen.queryByRole('group', { name: 'Rehearse offline with the sample project?' })).toBeNull()
    )
  })

  it('tells web mode that secrets stay in memory for the session', async () => {
    renderSettings()
    expect(await screen.findByText(/held in memory for this session only/)).toBeTruthy()
  })

  it('adds a profile with its password in a password field, sent once and never shown', async () => {
    const { api } = renderSettings()
    const dialog = await openForm()
    fireEvent.change(within(dialog).getByLabelText('Profile name'), { target: { value: 'Brand EU' } })
    fireEvent.change(within(dialog).getByLabelText('Org id'), { target: { value: '100737' } })
    fireEvent.change(within(dialog).getByLabelText('Till code'), { target: { value: 'store123.till' } })
    const password = within(dialog).getByLabelText('Password') as HTMLInputElement
    expect(password.type).toBe('password')
    fireEvent.change(password, { target: { value: 'Pa55-word' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save profile' }))
    const card = await screen.findByRole('listitem', { name: 'Brand EU' })
    expect(within(card).getByText('Password kept for this session')).toBeTruthy()
    expect(api.secrets.get('p1')).toBe('Pa55-word')
    expect(document.body.innerHTML).not.toContain('Pa55-word')
  })

  it('shows each problem next to its field when saving a wrong draft', async () => {
    renderSettings()
    const dialog = await openForm()
    fireEvent.change(within(dialog).getByLabelText('Cluster'), { target: { value: 'custom' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save profile' }))
    expect(within(dialog).getByText(/^Give the profile a name/)).toBeTruthy()
    expect(within(dialog).getByText(/^Give the base URL/)).toBeTruthy()
    expect(within(dialog).getByLabelText('Org id').getAttribute('aria-invalid')).toBe('true')
  })

  it('switches between Basic and OAuth fields', async () => {
    renderSettings()
    const dialog = await openForm()
    fireEvent.click(within(dialog).getByLabelText('OAuth (client key and secret)'))
    expect(within(dialog).getByLabelText('OAuth key')).toBeTruthy()
    expect((within(dialog).getByLabelText('OAuth secret') as HTMLInputElement).type).toBe('password')
    expect(within(dialog).queryByLabelText('Till code')).toBeNull()
  })

  it('tests a connection and shows the plain verdict on the card', async () => {
    const { api } = renderSettings({ profiles: [profile('a', { name: 'Brand EU' })] })
    api.verdicts.set('a', {
      ok: false,
      summary: 'Not connected: wrong till code or password.',
      detail: 'Capillary refused GET /v2/events: the till code and password were refused (HTTP 401).',
      steps: [],
      checkedAt: '2026-11-28T00:00:00.000Z'
    })
    const card = await screen.findByRole('listitem', { name: 'Brand EU' })
    fireEvent.click(within(card).getByRole('button', { name: 'Test connection' }))
    const verdict = await within(card).findByText('Not connected: wrong till code or password.')
    expect(verdict.closest('.profile-verdict-failed')).toBeTruthy()
    expect(within(card).getByText(/till code and password were refused/)).toBeTruthy()
  })

  it('edits a profile, keeping the saved password unless a new one is typed', async () => {
    const { api } = renderSettings({ profiles: [profile('a', { name: 'Brand EU' })] })
    const card = await screen.findByRole('listitem', { name: 'Brand EU' })
    fireEvent.click(within(card).getByRole('button', { name: 'Edit Brand EU' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit connection profile' })
    expect((within(dialog).getByLabelText('Password') as HTMLInputElement).placeholder).toBe(
      'Kept: type only to change it'
    )
    fireEvent.change(within(dialog).getByLabelText('Org id'), { target: { value: '200' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save profile' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(api.saveConnectionProfile).toHaveBeenCalledWith({
      id: 'a',
      draft: expect.objectContaining({ orgId: '200' })
    })
  })

  it('deletes a profile after asking', async () => {
    const { api } = renderSettings({ profiles: [profile('a', { name: 'Brand EU' })] })
    const card = await screen.findByRole('listitem', { name: 'Brand EU' })
    fireEvent.click(within(card).getByRole('button', { name: 'Delete Brand EU' }))
    fireEvent.click(screen.getByRole('button', { name: 'Delete profile' }))
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'Brand EU' })).toBeNull())
    expect(api.deleteConnectionProfile).toHaveBeenCalledWith({ id: 'a' })
  })

  it('starts the local sandbox from the first-start offer, with a profile for it', async () => {
    const { api } = renderSettings({ offer: true })
    const offer = await screen.findByRole('group', { name: 'Rehearse offline with the sample project?' })
    fireEvent.click(within(offer).getByRole('button', { name: 'Start local sandbox' }))
    expect(await screen.findByRole('listitem', { name: 'Local sandbox' })).toBeTruthy()
    expect(screen.getByText(/Local sandbox running at/)).toBeTruthy()
    expect(api.startLocalSandbox).toHaveBeenCalledTimes(1)
  })

  it('starts and stops the local sandbox', async () => {
    renderSettings({ profiles: [profile('a')] })
    fireEvent.click(await screen.findByRole('button', { name: 'Start local sandbox' }))
    expect(await screen.findByText(/Local sandbox running at/)).toBeTruthy()
    expect(await screen.findByRole('listitem', { name: 'Local sandbox' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Stop sandbox' }))
    await waitFor(() => expect(screen.queryByText(/Local sandbox running at/)).toBeNull())
  })
})
