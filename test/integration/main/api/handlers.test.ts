import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import { requestNames } from '../../../../shared/api/contract'
import { createDispatcher, type Dispatch } from '../../../../main/api/dispatcher'
import { createHandlers } from '../../../../main/api/handlers'
import { silentLogger } from '../../../../main/platform/logger'
import { createStudio, type Studio } from '../../../../main/services/createStudio'
import { eventDraft } from '../../support/eventDraft'
import { createTemporaryFolder } from '../../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>
let studio: Studio
let dispatch: Dispatch

beforeEach(() => {
  folder = createTemporaryFolder('handlers')
  process.env.CAPMAP_CONFIG_DIR = join(folder.path, 'config')
  studio = createStudio({ configDir: join(folder.path, 'config'), mode: 'web', version: 'test', logger: silentLogger })
  dispatch = createDispatcher(createHandlers(studio), silentLogger)
})

afterEach(() => {
  studio.session.close()
  folder.remove()
})

describe('createHandlers', () => {
  it('has exactly one handler for every request of the contract, and no other', () => {
    const handlers = createHandlers(studio)
    expect(Object.keys(handlers).sort()).toEqual([...requestNames].sort())
    for (const name of requestNames) expect(typeof handlers[name], name).toBe('function')
  })

  it('answers getAppInfo with the studio the handlers were built for', async () => {
    expect(await dispatch('getAppInfo', {})).toEqual({
      ok: true,
      value: expect.objectContaining({ mode: 'web', version: 'test', configDir: join(folder.path, 'config') })
    })
  })

  it('creates a project, an event in it, and lists the event, through the contract', async () => {
    const path = join(folder.path, 'Shop.capmap')
    expect(await dispatch('newProject', { path })).toMatchObject({ ok: true, value: { project: { path } } })
    const created = await dispatch('createEvent', { draft: eventDraft() })
    expect(created).toMatchObject({ ok: true, value: { name: 'room_reserved', status: 'draft' } })
    expect(await dispatch('listEvents', {})).toMatchObject({ ok: true, value: [{ name: 'room_reserved' }] })
  })

  it('answers conflict for a second event of the same name', async () => {
    await dispatch('newProject', { path: join(folder.path, 'Shop.capmap') })
    await dispatch('createEvent', { draft: eventDraft() })
    const second = await dispatch('createEvent', { draft: eventDraft({ name: 'ROOM_RESERVED' }) })
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } })
  })

  it('updates and deletes an event through the contract', async () => {
    await dispatch('newProject', { path: join(folder.path, 'Shop.capmap') })
    const created = await dispatch('createEvent', { draft: eventDraft() })
    const id = created.ok ? (created.value as { id: string }).id : ''
    expect(await dispatch('updateEvent', { id, draft: eventDraft({ label: 'Renamed' }) })).toMatchObject({
      ok: true,
      value: { id, label: 'Renamed' }
    })
    const deleted = await dispatch('deleteEvent', { id })
    expect(deleted).toEqual({ ok: true, value: { id, name: 'room_reserved', undoId: expect.any(String) } })
    expect(await dispatch('listEvents', {})).toEqual({ ok: true, value: [] })
    const undoId = deleted.ok ? (deleted.value as { undoId: string }).undoId : ''
    expect(await dispatch('restoreEvent', { undoId })).toMatchObject({
      ok: true,
      value: { event: { id, label: 'Renamed' }, droppedMappings: 0 }
    })
    expect(await dispatch('restoreEvent', { undoId })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('answers not_found for updating or deleting an event that does not exist', async () => {
    await dispatch('newProject', { path: join(folder.path, 'Shop.capmap') })
    expect(await dispatch('deleteEvent', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await dispatch('updateEvent', { id: 'missing', draft: eventDraft() })).toMatchObject({
      ok: false,
      error: { code: 'not_found' }
    })
  })

  it('answers no_project for listEvents when nothing is open', async () => {
    expect(await dispatch('listEvents', {})).toMatchObject({ ok: false, error: { code: 'no_project' } })
  })

  it('saves as, closes and reports the project state through the contract', async () => {
    await dispatch('newProject', { path: join(folder.path, 'Shop.capmap') })
    const copy = join(folder.path, 'Copy.capmap')
    expect(await dispatch('saveProjectAs', { path: copy })).toMatchObject({
      ok: true,
      value: { project: { path: copy } }
    })
    expect(await dispatch('getProjectState', {})).toMatchObject({ ok: true, value: { project: { path: copy } } })
    expect(await dispatch('closeProject', {})).toEqual({ ok: true, value: { project: null } })
  })

  it('lists recent projects through the contract', async () => {
    const path = join(folder.path, 'Shop.capmap')
    await dispatch('newProject', { path })
    expect(await dispatch('listRecentProjects', {})).toMatchObject({ ok: true, value: [{ path, exists: true }] })
  })

  it('opens a project read-only through the contract when asked', async () => {
    const path = join(folder.path, 'Shop.capmap')
    await dispatch('newProject', { path })
    await dispatch('closeProject', {})
    expect(await dispatch('openProject', { path, readOnly: true })).toMatchObject({
      ok: true,
      value: { project: { readOnly: true } }
    })
    expect(await dispatch('createEvent', { draft: eventDraft() })).toMatchObject({
      ok: false,
      error: { code: 'read_only' }
    })
  })

  it('answers pickProjectPath with "not supported" in web mode, where there is no native dialog', async () => {
    expect(await dispatch('pickProjectPath', { purpose: 'open' })).toEqual({ ok: true, value: { supported: false } })
    expect(await dispatch('pickBundlePath', { purpose: 'export' })).toEqual({ ok: true, value: { supported: false } })
  })

  it('lists a folder with its sub-folders first and only its project files', async () => {
    mkdirSync(join(folder.path, 'listing', 'b-folder'), { recursive: true })
    mkdirSync(join(folder.path, 'listing', '.hidden'))
    writeFileSync(join(folder.path, 'listing', 'a.capmap'), '')
    writeFileSync(join(folder.path, 'listing', 'notes.txt'), '')
    const listing = await dispatch('listDirectory', { path: join(folder.path, 'listing') })
    expect(listing).toEqual({
      ok: true,
      value: {
        path: join(folder.path, 'listing'),
        parent: folder.path,
        entries: [
          { name: 'b-folder', path: join(folder.path, 'listing', 'b-folder'), kind: 'directory' },
          { name: 'a.capmap', path: join(folder.path, 'listing', 'a.capmap'), kind: 'project' }
        ]
      }
    })
  })

  it('answers file_error for a folder that cannot be listed, in words', async () => {
    expect(await dispatch('listDirectory', { path: join(folder.path, 'missing') })).toMatchObject({
      ok: false,
      error: { code: 'file_error', message: `There is no folder at ${join(folder.path, 'missing')}.` }
    })
  })

  it("lists a typed folder with spaces around it, and refuses a relative one, or another system's full path", async () => {
    mkdirSync(join(folder.path, 'typed'), { recursive: true })
    expect(await dispatch('listDirectory', { path: `  ${join(folder.path, 'typed')} ` })).toMatchObject({
      ok: true,
      value: { path: join(folder.path, 'typed'), entries: [] }
    })
    expect(await dispatch('listDirectory', { path: 'typed' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('Give the full path') }
    })
    const foreign = process.platform === 'win32' ? 'C:typed' : 'C:\\typed'
    expect(await dispatch('listDirectory', { path: foreign })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: `${foreign} is not a full path on this computer: give it from the root of the disk, such as ${process.platform === 'win32' ? 'C:\\Users\\you\\…' : '/home/you/…'}`
      }
    })
  })
})
