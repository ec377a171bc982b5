import { join } from 'node:path'
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { requestNames, type RequestName } from '../../../../shared/api/contract'
import { createDispatcher } from '../../../../main/api/dispatcher'
import type { Handlers } from '../../../../main/api/handlers'
import { StudioError } from '../../../../main/errors/StudioError'
import type { Logger } from '../../../../main/platform/logger'
import { createTemporaryFolder } from '../../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>

beforeEach(() => {
  folder = createTemporaryFolder('dispatcher')
  process.env.CAPMAP_CONFIG_DIR = join(folder.path, 'config')
})

afterEach(() => {
  folder.remove()
})

/** A handler object of our own: every handler records its call and answers with `answer(name, input)`. */
function spyHandlers(answer: (name: RequestName, input: unknown) => unknown = (name) => `${name} answered`) {
  const calls: [RequestName, unknown][] = []
  const handlers = Object.fromEntries(
    requestNames.map((name) => [
      name,
      (input: unknown) => {
        calls.push([name, input])
        return answer(name, input)
      }
    ])
  ) as unknown as Handlers
  return { calls, handlers }
}

function recordingLogger() {
  const lines: string[] = []
  const logger: Logger = { info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) }
  return { lines, logger }
}

describe('createDispatcher', () => {
  it('runs the named handler with the parsed input and answers ok with its value', async () => {
    const { calls, handlers } = spyHandlers()
    const result = await createDispatcher(handlers, recordingLogger().logger)('openProject', { path: '/tmp/a.capmap' })
    expect(result).toEqual({ ok: true, value: 'openProject answered' })
    expect(calls).toEqual([['openProject', { path: '/tmp/a.capmap', readOnly: false }]])
  })

  it("hands the handler the schema's output: defaults filled in, strings trimmed", async () => {
    const { calls, handlers } = spyHandlers()
    await createDispatcher(handlers, recordingLogger().logger)('newProject', { path: '  /tmp/b.capmap  ' })
    expect(calls).toEqual([['newProject', { path: '/tmp/b.capmap', sample: false }]])
  })

  it('awaits an asynchronous handler', async () => {
    const { handlers } = spyHandlers(async () => ({ supported: false }))
    const result = await createDispatcher(handlers, recordingLogger().logger)('pickProjectPath', { purpose: 'open' })
    expect(result).toEqual({ ok: true, value: { supported: false } })
  })

  it('treats a missing input as an empty object', async () => {
    const { calls, handlers } = spyHandlers()
    const result = await createDispatcher(handlers, recordingLogger().logger)('getAppInfo', undefined)
    expect(result.ok).toBe(true)
    expect(calls).toEqual([['getAppInfo', {}]])
  })

  it.each([
    ['a wrong type', 'openProject', { path: 42 }],
    ['a missing field', 'saveProjectAs', {}],
    ['an unknown extra field', 'getAppInfo', { extra: true }],
    ['an empty path', 'newProject', { path: '   ' }],
    ['a value outside the enum', 'pickProjectPath', { purpose: 'delete' }],
    ['an input that is not an object', 'deleteEvent', 'event-1'],
    [
      'an event draft without attributes',
      'createEvent',
      { draft: { name: 'x', label: 'x', description: '', kind: 'custom', actions: [] } }
    ]
  ])('answers invalid_input for %s without calling any handler', async (_label, name, input) => {
    const { calls, handlers } = spyHandlers()
    const result = await createDispatcher(handlers, recordingLogger().logger)(name, input)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.any(String) } })
    expect(calls).toEqual([])
  })

  it('says which field is wrong in an invalid_input message, in a sentence after where it is', async () => {
    const { handlers } = spyHandlers()
    const dispatch = createDispatcher(handlers, recordingLogger().logger)
    const result = await dispatch('openProject', { path: 42 })
    expect(result.ok ? '' : result.error.message).toMatch(/^path: /)
    expect(await dispatch('openProject', { path: 'Shop.capmap' })).toMatchObject({
      error: {
        message: 'path: Give the full path, from the root of the disk (such as /home/you/… or C:\\Users\\you\\…).'
      }
    })
    const nested = await dispatch('createEvent', {
      draft: { name: 'x', label: 'x', description: '', kind: 'custom', actions: [], attributes: [{ name: 3 }] }
    })
    expect(nested.ok ? '' : nested.error.message).toMatch(/^draft\.attributes\[0\]\.name: /)
  })

  it('answers invalid_input, calling nothing, for a payload nested too deeply for its own size check', async () => {
    const { calls, handlers } = spyHandlers()
    const { lines, logger } = recordingLogger()
    let payload: unknown = 1
    for (let depth = 0; depth < 20_000; depth += 1) payload = [payload]
    const result = await createDispatcher(handlers, logger)('previewTestCase', { mappingId: 'm1', payload })
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The input is nested too deeply to read.' }
    })
    expect(calls).toEqual([])
    expect(lines).toEqual([])
  })

  it('answers invalid_input, calling nothing, for text with half a surrogate pair, naming where it is', async () => {
    const { calls, handlers } = spyHandlers()
    const dispatch = createDispatcher(handlers, recordingLogger().logger)
    const attributes = [{ name: 'nights', label: 'Nights \ud83d', type: 'double' }]
    const result = await dispatch('createEvent', { draft: { name: 'be_reserved', attributes } })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'The text at draft.attributes[0].label holds a broken character (half of a pair): type it again.'
      }
    })
    // A key is quoted when it is not a plain name: the message never holds the broken character itself.
    expect(await dispatch('previewTestCase', { mappingId: 'm1', payload: { ['\udc00key']: 1 } })).toMatchObject({
      error: { message: expect.stringContaining('at payload["\\udc00key"] holds') }
    })
    expect(await dispatch('previewTestCase', { mappingId: 'm1', payload: { 'a.b': ['\ud800'] } })).toMatchObject({
      error: { message: expect.stringContaining('at payload["a.b"][0] holds') }
    })
    let deep: unknown = '\ud800'
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep]
    expect(await dispatch('previewTestCase', { mappingId: 'm1', payload: deep })).toMatchObject({
      error: {
        message:
          'The text at payload[0][0][0][0][0]…[0][0][0][0][0][0] holds a broken character (half of a pair): type it again.'
      }
    })
    expect(calls).toEqual([])
    // IPC keeps cycles and shared objects: each is read once (the schema then refuses the cycle, and reads the rest).
    const cyclic: Record<string, unknown> = { hotel: 'Taj' }
    cyclic.self = cyclic
    let shared: unknown = ['leaf']
    for (let level = 0; level < 16; level += 1) shared = [shared, shared]
    expect(await dispatch('previewTestCase', { mappingId: 'm1', payload: cyclic })).toMatchObject({ ok: false })
    expect(await dispatch('previewTestCase', { mappingId: 'm1', payload: shared })).toMatchObject({ ok: true })
    // Shared exponentially many times, it would be written out for ever: refused by its size, after a bounded walk.
    for (let level = 16; level < 64; level += 1) shared = [shared, shared]
    expect(await dispatch('previewTestCase', { mappingId: 'm1', payload: shared })).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'payload: A test case holds at most 5 MB of JSON.' }
    })
    // The expected outputs are held to the same size.
    const draft = { mappingId: 'm1', name: 'Huge', source: { kind: 'edited' }, payload: {} }
    expect(
      await dispatch('saveTestCase', { draft: { ...draft, expected: [{ event_name: 'e', extra: shared }] } })
    ).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'draft.expected: A test case holds at most 5 MB of JSON.' }
    })
    // A whole pair is text like any other: the input goes on to its schema.
    const whole = await dispatch('previewTestCase', { mappingId: 'm1', payload: { hotel: 'Taj \ud83d\ude00' } })
    expect(whole.ok).toBe(true)
  })

  it.each(['noSuchRequest', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'answers unknown_request for the name "%s" without calling any handler',
    async (name) => {
      const { calls, handlers } = spyHandlers()
      const result = await createDispatcher(handlers, recordingLogger().logger)(name, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_request' } })
      expect(calls).toEqual([])
    }
  )

  it("keeps a StudioError's code and message", async () => {
    const { handlers } = spyHandlers(() => {
      throw new StudioError('project_locked', 'Hotel is open for editing in another studio.')
    })
    const result = await createDispatcher(handlers, recordingLogger().logger)('openProject', { path: '/x.capmap' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'project_locked', message: 'Hotel is open for editing in another studio.' }
    })
  })

  it('keeps the code of a StudioError thrown by an asynchronous handler', async () => {
    const { handlers } = spyHandlers(async () => {
      throw new StudioError('read_only', 'Read-only.')
    })
    const result = await createDispatcher(handlers, recordingLogger().logger)('deleteEvent', { id: 'e' })
    expect(result).toEqual({ ok: false, error: { code: 'read_only', message: 'Read-only.' } })
  })

  it('turns a plain Error into internal, naming the request, without the stack in the message', async () => {
    const { handlers } = spyHandlers(() => {
      throw new Error('disk on fire')
    })
    const result = await createDispatcher(handlers, recordingLogger().logger)('listEvents', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    const message = result.ok ? '' : result.error.message
    expect(message).toContain('disk on fire')
    expect(message).toContain('listEvents')
    expect(message).not.toMatch(/\n\s+at /)
    expect(message).not.toContain(__filename)
  })

  it('logs the stack of an unexpected error for the logs', async () => {
    const { lines, logger } = recordingLogger()
    const { handlers } = spyHandlers(() => {
      throw new Error('disk on fire')
    })
    await createDispatcher(handlers, logger)('listEvents', {})
    expect(lines.join('\n')).toMatch(/disk on fire\n\s+at /)
  })

  it('turns a thrown non-Error value into internal too', async () => {
    const { handlers } = spyHandlers(() => {
      throw 'a string'
    })
    const result = await createDispatcher(handlers, recordingLogger().logger)('listEvents', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
