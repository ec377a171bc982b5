import { act, fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { RequestName } from '../../../shared/api/contract'
import { fail, ok, type Result } from '../../../shared/api/result'
import type { ListenerStatus as Status } from '../../../shared/model/listenerSettings'
import { createStudioApi, type Transport } from '../../../renderer/api/client'
import { ListenerStatus } from '../../../renderer/app/ListenerStatus'
import { createStudioStores, StudioProvider } from '../../../renderer/app/StudioContext'

const listening: Status = {
  state: 'listening',
  host: '127.0.0.1',
  port: 4890,
  url: 'http://127.0.0.1:4890/',
  message: null,
  warning: null
}

async function renderStatus(status: Status, readOnly = false) {
  let current = status
  const answers: Partial<Record<RequestName, () => Promise<Result<unknown>>>> = {
    getProjectState: async () =>
      ok({ project: { path: '/tmp/Shop.capmap', name: 'Shop', readOnly, schemaVersion: 4, lastSavedAt: null } }),
    listRecentProjects: async () => ok([]),
    getListenerStatus: async () => ok(current),
    stopListener: async () =>
      ok(
        (current = {
          ...current,
          state: 'off',
          host: null,
          port: null,
          url: null,
          message: 'Listening is off for this project.'
        })
      )
  }
  const transport: Transport = {
    call: (name) => answers[name]?.() ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const stores = createStudioStores(createStudioApi(transport))
  await stores.project.getState().refresh()
  render(
    <StudioProvider stores={stores}>
      <ListenerStatus />
    </StudioProvider>
  )
  return { stores, button: await screen.findByTestId('status-listener') }
}

describe('ListenerStatus', () => {
  it('shows the address the listener listens on', async () => {
    const { button } = await renderStatus(listening)
    expect(button.textContent).toContain('Listening on 127.0.0.1:4890')
    expect(button.title).toContain('http://127.0.0.1:4890/hooks/<integration>')
  })

  it('shows a failure briefly, with what to do in its tooltip', async () => {
    const message =
      'Port 4890 is in use by another program: close it, or choose another port in Settings › Webhook listener.'
    const { button } = await renderStatus({ ...listening, state: 'error', url: null, message })
    expect(button.textContent).toContain('Listener failed on 127.0.0.1:4890')
    expect(button.title).toContain(message)
  })

  it('warns when the listener is reachable from other machines', async () => {
    const { button } = await renderStatus({
      ...listening,
      host: '0.0.0.0',
      warning: 'Listening on 0.0.0.0: other machines…'
    })
    expect(button.textContent).toContain('not only this machine')
  })

  it('follows a status pushed by main', async () => {
    const { stores, button } = await renderStatus(listening)
    act(() => stores.listener.getState().receive({ ...listening, port: 4891 }))
    expect(button.textContent).toContain('127.0.0.1:4891')
  })

  it('stops the listener when clicked', async () => {
    const { button } = await renderStatus(listening)
    fireEvent.click(button)
    expect((await screen.findByText(/Listener off/)).textContent).toContain('Listener off')
  })

  it('cannot be clicked in a project open read-only', async () => {
    const { button } = await renderStatus(listening, true)
    expect((button as HTMLButtonElement).disabled).toBe(true)
  })

  it('offers Stop, and Copy Listener URL, in the palette while listening; Stop stops it', async () => {
    const { stores } = await renderStatus(listening)
    const command = (id: string) => stores.commands.getState().commands.find((candidate) => candidate.id === id)
    expect(command('listener.start')?.enabled?.()).toBe(false)
    expect(command('listener.copyUrl')?.enabled?.()).toBe(true)
    expect(command('listener.stop')?.enabled?.()).toBe(true)
    await act(() => command('listener.stop')!.run())
    expect(stores.listener.getState().status?.state).toBe('off')
    expect(command('listener.start')?.enabled?.()).toBe(true)
    expect(command('listener.stop')?.enabled?.()).toBe(false)
    expect(command('listener.copyUrl')?.enabled?.()).toBe(false)
  })

  it('offers no listener command in a project opened read-only', async () => {
    const { stores } = await renderStatus(listening, true)
    const enabled = stores.commands
      .getState()
      .commands.filter((candidate) => candidate.id.startsWith('listener.') && candidate.enabled?.() !== false)
    expect(enabled.map((candidate) => candidate.id)).toEqual(['listener.copyUrl'])
  })
})
