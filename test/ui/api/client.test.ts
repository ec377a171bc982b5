import { describe, expect, it, vi } from 'vitest'
import { requestNames } from '../../../shared/api/contract'
import { ok } from '../../../shared/api/result'
import { createStudioApi, type Transport } from '../../../renderer/api/client'

describe('the renderer api client', () => {
  it('has one method per request of the contract', () => {
    const api = createStudioApi({ call: vi.fn(), subscribe: vi.fn() })
    for (const name of requestNames) expect(typeof api[name]).toBe('function')
  })

  it('sends the request name and input through the transport, and returns its result', async () => {
    const transport: Transport = { call: vi.fn(async () => ok({ project: null })), subscribe: vi.fn() }
    const api = createStudioApi(transport)
    await expect(api.openProject({ path: '/tmp/a.capmap' })).resolves.toEqual(ok({ project: null }))
    expect(transport.call).toHaveBeenCalledWith('openProject', { path: '/tmp/a.capmap' })
  })

  it('sends an empty object for a request called without input', async () => {
    const transport: Transport = { call: vi.fn(async () => ok([])), subscribe: vi.fn() }
    await createStudioApi(transport).listEvents()
    expect(transport.call).toHaveBeenCalledWith('listEvents', {})
  })

  it('subscribes to server events through the transport', () => {
    const stop = vi.fn()
    const transport: Transport = { call: vi.fn(), subscribe: vi.fn(() => stop) }
    const listener = vi.fn()
    expect(createStudioApi(transport).on('eventsChanged', listener)).toBe(stop)
    expect(transport.subscribe).toHaveBeenCalledWith('eventsChanged', expect.any(Function))
  })
})
