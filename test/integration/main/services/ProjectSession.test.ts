import { execFileSync } from 'node:child_process'
import Database from 'better-sqlite3'
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect, beforeEach, afterEach } from 'vitest'
import type { ServerEventName } from '../../../../shared/api/contract'
import { silentLogger } from '../../../../main/platform/logger'
import { createStudio, type Studio } from '../../../../main/services/createStudio'
import { openProjectDatabase } from '../../../../main/store/database'
import { EventRepository } from '../../../../main/store/EventRepository'
import { ProjectLock } from '../../../../main/store/ProjectLock'
import { latestSchemaVersion } from '../../../../main/store/migrations'
import { attributeDraft, eventDraft } from '../../support/eventDraft'
import { sampleEvents } from '../../support/sampleEvents'
import { createTemporaryFolder } from '../../support/temporaryFolder'

let folder: ReturnType<typeof createTemporaryFolder>
let configDir: string
let projectPath: string
const studios: Studio[] = []

beforeEach(() => {
  folder = createTemporaryFolder('session')
  configDir = join(folder.path, 'config')
  process.env.CAPMAP_CONFIG_DIR = configDir
  projectPath = join(folder.path, 'work', 'Hotel.capmap')
  mkdirSync(join(folder.path, 'work'))
})

afterEach(() => {
  for (const studio of studios.splice(0)) studio.session.close()
  folder.remove()
})

/** A studio as web mode builds it; every studio a test makes is closed after it. */
function newStudio(options: { configDir?: string } = {}): Studio {
  const studio = createStudio({
    configDir: options.configDir ?? configDir,
    mode: 'web',
    version: 'test',
    logger: silentLogger
  })
  studios.push(studio)
  return studio
}

/** The event names in a project file, read by a plain read-only SQLite connection (no studio involved). */
function eventNamesInFile(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT name FROM events ORDER BY name').all() as { name: string }[]).map((row) => row.name)
  } finally {
    db.close()
  }
}

function sideFiles(): string[] {
  return readdirSync(join(folder.path, 'work')).filter((name) => /-(wal|shm)$|\.lock$/.test(name))
}

describe('ProjectSession', () => {
  it('keeps a created event with its attributes after close, for a new studio that reopens the file', () => {
    const first = newStudio()
    first.newProject(projectPath, false)
    const draft = eventDraft()
    const created = first.events.create(draft)
    first.session.close()

    const second = newStudio()
    second.session.open(projectPath)
    expect(second.events.list()).toEqual([created])
    expect(created.attributes.map(({ id: _id, ...attribute }) => attribute)).toEqual(draft.attributes)
  })

  it('describes the open project: its path, name, schema version and last save', () => {
    const studio = newStudio()
    studio.newProject(projectPath, false)
    studio.events.create(eventDraft())
    expect(studio.session.state().project).toMatchObject({
      path: projectPath,
      name: 'Hotel',
      readOnly: false,
      schemaVersion: latestSchemaVersion,
      lastSavedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/)
    })
  })

  it('adds the .capmap extension to a path given without it', () => {
    const studio = newStudio()
    const state = studio.newProject(join(folder.path, 'work', 'Plain'), false)
    expect(state.project?.path).toBe(join(folder.path, 'work', 'Plain.capmap'))
    expect(existsSync(join(folder.path, 'work', 'Plain.capmap'))).toBe(true)
  })

  it('refuses to create a project over an existing file', () => {
    newStudio().newProject(projectPath, false)
    expect(() => newStudio().newProject(projectPath, false)).toThrow(expect.objectContaining({ code: 'conflict' }))
  })

  it('leaves nothing behind, nor locked, when filling a new project fails', () => {
    const studio = newStudio()
    expect(() =>
      studio.session.create(projectPath, () => {
        throw new Error('the bundle could not be imported')
      })
    ).toThrow('the bundle could not be imported')
    expect(existsSync(projectPath)).toBe(false)
    expect(sideFiles()).toEqual([])
    expect(studio.session.state().project).toBeNull()
    expect(studio.newProject(projectPath, false).project?.path).toBe(projectPath)
  })

  it('never puts a new project in place unlocked: a lock held on its path (a live process) stops the creation', () => {
    const held = ProjectLock.acquire(projectPath)
    if (!held.acquired) throw new Error('the test could not take the lock')
    try {
      expect(() => newStudio().newProject(projectPath, false)).toThrow(
        expect.objectContaining({
          code: 'project_locked',
          message: expect.stringContaining('is open in another process')
        })
      )
      expect(existsSync(projectPath)).toBe(false)
      expect(sideFiles()).toEqual(['Hotel.capmap.lock'])
    } finally {
      held.lock.release()
    }
  })

  it('fills a new project made with the sample with the sample’s events', () => {
    const studio = newStudio()
    studio.newProject(projectPath, true)
    const names = sampleEvents().map((event) => event.name)
    expect(studio.events.list().map((event) => event.name)).toEqual(names)
    studio.session.close()
    expect(eventNamesInFile(projectPath).sort()).toEqual([...names].sort())
  })

  it('gives the sample’s custom events the attributes the sample names', () => {
    const studio = newStudio()
    studio.newProject(projectPath, true)
    const custom = sampleEvents().filter((entry) => entry.attributeNames)
    expect(custom.length).toBeGreaterThan(0)
    for (const entry of custom) {
      const event = studio.events.list().find((candidate) => candidate.name === entry.name)
      expect(event?.attributes.map((attribute) => attribute.name)).toEqual(entry.attributeNames)
    }
  })

  it.each([
    ['not a project', 'not_a_project', (path: string) => writeFileSync(path, '{"format": "json"}\n')],
    [
      'of a newer schema',
      'newer_schema',
      (path: string) => {
        const db = openProjectDatabase(path, { create: true })
        db.pragma('user_version = 999')
        db.close()
      }
    ]
  ])('refuses a file that is %s with %s and leaves no lock behind', (_label, code, makeFile) => {
    makeFile(projectPath)
    const studio = newStudio()
    expect(() => studio.session.open(projectPath)).toThrow(expect.objectContaining({ code }))
    expect(existsSync(`${projectPath}.lock`)).toBe(false)
    expect(studio.session.state()).toEqual({ project: null })
  })

  describe('opening a path that is not a project', () => {
    const workFile = (name: string) => join(folder.path, 'work', name)

    it('opens a project named without its extension', () => {
      newStudio().newProject(projectPath, false)
      studios.splice(0).forEach((studio) => studio.session.close())
      expect(newStudio().session.open(workFile('Hotel')).project?.path).toBe(projectPath)
    })

    it('says a missing file is missing, at the path typed, without adding an extension to a .json', () => {
      const studio = newStudio()
      expect(() => studio.session.open(workFile('gone.capmap.json'))).toThrow(
        expect.objectContaining({
          code: 'not_found',
          message: `There is no project at ${workFile('gone.capmap.json')}.`
        })
      )
      expect(() => studio.session.open(workFile('gone'))).toThrow(
        expect.objectContaining({ message: `There is no project at ${workFile('gone.capmap')}.` })
      )
    })

    it('says a bundle is a bundle, and how to import it, whether or not a project is open', () => {
      const bundle = workFile('sample.capmap.json')
      writeFileSync(bundle, '{"events": [], "format": "capmap.bundle"}\n')
      const studio = newStudio()
      expect(() => studio.session.open(bundle)).toThrow(
        expect.objectContaining({
          code: 'not_a_project',
          message: `${bundle} is a bundle (an exported *.capmap.json), not a project: open or create a project, then use Import Bundle… (File menu or command palette) to merge it in or make a new project from it.`
        })
      )
      studio.newProject(projectPath, false)
      expect(() => studio.session.open(bundle)).toThrow(
        expect.objectContaining({
          message: `${bundle} is a bundle (an exported *.capmap.json), not a project: bring it in with Import Bundle… (File menu or command palette), which merges it into this project or makes a new project from it.`
        })
      )
      expect(studio.session.state().project?.path).toBe(projectPath)
    })

    it('says in words that a new project’s folder is not there, creating nothing', () => {
      const missing = join(folder.path, 'not-there', 'deeper', 'Shop.capmap')
      expect(() => newStudio().newProject(missing, false)).toThrow(
        expect.objectContaining({
          code: 'file_error',
          message: `There is no folder ${join(folder.path, 'not-there', 'deeper')}: create it first, or pick another place.`
        })
      )
      expect(existsSync(join(folder.path, 'not-there'))).toBe(false)
    })

    it('refuses a named pipe without reading it (it would block the studio)', () => {
      const pipe = join(folder.path, 'work', 'pipe.capmap')
      execFileSync('mkfifo', [pipe])
      expect(() => newStudio().session.open(pipe)).toThrow(
        expect.objectContaining({
          code: 'not_a_project',
          message: `${pipe} is not a file (a pipe, a device or a socket): the studio reads only files.`
        })
      )
    })

    it('refuses a path that is not a full path on this computer, creating nothing where the studio was started', () => {
      // The API takes full paths of either kind; C:\… on Linux (or a drive-relative C:… on Windows) names no place.
      const foreign = process.platform === 'win32' ? 'C:Shop.capmap' : 'C:\\Users\\you\\Shop.capmap'
      const studio = newStudio()
      const refusal = expect.objectContaining({
        code: 'invalid_input',
        message: expect.stringMatching(/^C:.*Shop\.capmap is not a full path on this computer: give it from the root/)
      })
      expect(() => studio.newProject(foreign, false)).toThrow(refusal)
      expect(() => studio.session.open(foreign)).toThrow(refusal)
      studio.newProject(projectPath, false)
      expect(() => studio.session.saveAs(foreign)).toThrow(refusal)
      expect(studio.session.state().project?.path).toBe(projectPath)
      expect(readdirSync(process.cwd()).filter((name) => name.startsWith('C:'))).toEqual([])
    })

    it('says a folder is a folder', () => {
      expect(() => newStudio().session.open(join(folder.path, 'work'))).toThrow(
        expect.objectContaining({
          code: 'not_a_project',
          message: expect.stringMatching(/work is a folder: pick a project file/)
        })
      )
    })
  })

  it('answers no_project for events when no project is open', () => {
    expect(() => newStudio().events.list()).toThrow(expect.objectContaining({ code: 'no_project' }))
  })

  describe('two studios and one file', () => {
    it('refuses a second studio opening the file for editing with project_locked', () => {
      newStudio().newProject(projectPath, false)
      expect(() => newStudio().session.open(projectPath)).toThrow(
        expect.objectContaining({ code: 'project_locked', message: expect.stringContaining(`process ${process.pid}`) })
      )
    })

    it('lets the second studio open the file read-only, seeing what the first wrote', () => {
      const editor = newStudio()
      editor.newProject(projectPath, false)
      editor.events.create(eventDraft())
      const reader = newStudio()
      const state = reader.session.open(projectPath, { readOnly: true })
      expect(state.project).toMatchObject({ readOnly: true, readOnlyReason: expect.any(String) })
      expect(reader.events.list().map((event) => event.name)).toEqual(['room_reserved'])
    })

    it.each([
      ['create', (studio: Studio) => studio.events.create(eventDraft({ name: 'another' }))],
      [
        'update',
        (studio: Studio) => studio.events.update(studio.events.list()[0]?.id ?? '', eventDraft({ label: 'x' }))
      ],
      ['delete', (studio: Studio) => studio.events.delete(studio.events.list()[0]?.id ?? '')]
    ])('refuses to %s an event in a read-only project with read_only, changing nothing', (_verb, write) => {
      const editor = newStudio()
      editor.newProject(projectPath, false)
      const original = editor.events.create(eventDraft())
      const reader = newStudio()
      reader.session.open(projectPath, { readOnly: true })
      expect(() => write(reader)).toThrow(expect.objectContaining({ code: 'read_only' }))
      expect(editor.events.list()).toEqual([original])
    })

    it('lets the second studio edit once the first has closed the project', () => {
      const first = newStudio()
      first.newProject(projectPath, false)
      first.session.close()
      const second = newStudio()
      expect(second.session.open(projectPath).project?.readOnly).toBe(false)
      expect(second.events.create(eventDraft()).name).toBe('room_reserved')
    })
  })

  it('lets a plain SQLite connection (a headless command) read and write while a studio edits', () => {
    const studio = newStudio()
    studio.newProject(projectPath, false)
    studio.events.create(eventDraft({ name: 'from_studio' }))

    const headless = new Database(projectPath, { fileMustExist: true })
    headless.pragma('busy_timeout = 5000')
    try {
      expect(new EventRepository(headless).list().map((event) => event.name)).toEqual(['from_studio'])
      new EventRepository(headless).insert({
        id: 'headless-1',
        draft: eventDraft({ name: 'from_headless', attributes: [attributeDraft({ name: 'sku', type: 'productSku' })] }),
        now: new Date().toISOString(),
        newAttributeId: () => 'headless-attribute-1'
      })
    } finally {
      headless.close()
    }
    expect(studio.events.list().map((event) => event.name)).toEqual(['from_headless', 'from_studio'])
    studio.events.create(eventDraft({ name: 'after_headless' }))
    expect(studio.events.list()).toHaveLength(3)
  })

  describe('Save As', () => {
    let copyPath: string

    beforeEach(() => {
      copyPath = join(folder.path, 'work', 'Copy.capmap')
    })

    it('writes a complete single file that opens on its own with the events', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      studio.events.create(eventDraft({ name: 'first' }))
      studio.events.create(eventDraft({ name: 'second' }))
      const before = new Date().toISOString()
      // The copy's last save is the Save As itself, not the original's last change it came with.
      expect(studio.session.saveAs(copyPath).project?.lastSavedAt?.localeCompare(before)).toBeGreaterThanOrEqual(0)
      // Only the main file travels (no -wal, no -shm): it must hold everything.
      const alone = join(folder.path, 'alone.capmap')
      copyFileSync(copyPath, alone)
      const db = openProjectDatabase(alone, { readOnly: true })
      try {
        expect(new EventRepository(db).list().map((event) => event.name)).toEqual(['first', 'second'])
      } finally {
        db.close()
      }
    })

    it('continues editing the copy, for writing, and leaves the original as it was', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      studio.events.create(eventDraft({ name: 'first' }))
      const state = studio.session.saveAs(copyPath)
      expect(state.project).toMatchObject({ path: copyPath, name: 'Copy', readOnly: false })
      studio.events.create(eventDraft({ name: 'after_save_as' }))
      studio.session.close()
      expect(eventNamesInFile(copyPath)).toEqual(['after_save_as', 'first'])
      expect(eventNamesInFile(projectPath)).toEqual(['first'])
    })

    it('releases the original, so another studio can edit it', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      studio.session.saveAs(copyPath)
      expect(newStudio().session.open(projectPath).project?.readOnly).toBe(false)
    })

    it('refuses a path that already exists, with conflict, and keeps the project open', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      newStudio().newProject(copyPath, false)
      expect(() => studio.session.saveAs(copyPath)).toThrow(expect.objectContaining({ code: 'conflict' }))
      expect(studio.session.state().project?.path).toBe(projectPath)
    })

    it('refuses a path ending in a slash (a folder), writing nothing beside it, and keeps the project open', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      const work = join(folder.path, 'work')
      mkdirSync(work, { recursive: true })
      expect(() => studio.session.saveAs(`${work}/`)).toThrow(
        expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('is a folder') })
      )
      for (const folderPath of [`${work}/.`, `${work}/sub/..`]) {
        expect(() => studio.session.saveAs(folderPath)).toThrow(expect.objectContaining({ code: 'invalid_input' }))
      }
      expect(existsSync(`${work}.capmap`)).toBe(false)
      expect(studio.session.state().project?.path).toBe(projectPath)
    })

    it('makes an editable copy of a project open read-only', () => {
      const editor = newStudio()
      editor.newProject(projectPath, false)
      editor.events.create(eventDraft({ name: 'first' }))
      const reader = newStudio()
      reader.session.open(projectPath, { readOnly: true })
      expect(reader.session.saveAs(copyPath).project).toMatchObject({ path: copyPath, readOnly: false })
      reader.events.create(eventDraft({ name: 'in_copy' }))
      expect(reader.events.list().map((event) => event.name)).toEqual(['first', 'in_copy'])
      expect(editor.events.list().map((event) => event.name)).toEqual(['first'])
    })

    it('says in words that the folder of the copy is not there, writing nothing, and keeps the project open', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      const missing = join(folder.path, 'not-there', 'Copy.capmap')
      expect(() => studio.session.saveAs(missing)).toThrow(
        expect.objectContaining({
          code: 'file_error',
          message: `There is no folder ${join(folder.path, 'not-there')}: create it first, or pick another place.`
        })
      )
      expect(existsSync(join(folder.path, 'not-there'))).toBe(false)
      expect(studio.session.state().project?.path).toBe(projectPath)
    })

    it('refuses the path of the file already open, with conflict', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      expect(() => studio.session.saveAs(projectPath)).toThrow(expect.objectContaining({ code: 'conflict' }))
    })
  })

  describe('close', () => {
    it('leaves no -wal, -shm or lock file beside the project', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      studio.events.create(eventDraft())
      expect(existsSync(`${projectPath}-wal`)).toBe(true)
      studio.session.close()
      expect(sideFiles()).toEqual([])
    })

    it('folds every write into the main file', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      studio.events.create(eventDraft())
      studio.session.close()
      const alone = join(folder.path, 'alone.capmap')
      copyFileSync(projectPath, alone)
      expect(eventNamesInFile(alone)).toEqual(['room_reserved'])
    })

    it('answers with no project open', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      expect(studio.session.close()).toEqual({ project: null })
      expect(studio.session.state()).toEqual({ project: null })
    })

    it('leaves no -wal or -shm file beside a project that was open read-only', () => {
      const editor = newStudio()
      editor.newProject(projectPath, false)
      editor.session.close()
      const reader = newStudio()
      reader.session.open(projectPath, { readOnly: true })
      reader.session.close()
      expect(sideFiles()).toEqual([])
    })
  })

  describe('recent projects', () => {
    it('lists the projects opened, the newest first', () => {
      const studio = newStudio()
      const other = join(folder.path, 'work', 'Other.capmap')
      studio.newProject(projectPath, false)
      studio.newProject(other, false)
      expect(studio.appState.recentProjects().map((project) => [project.path, project.name, project.exists])).toEqual([
        [other, 'Other', true],
        [projectPath, 'Hotel', true]
      ])
    })

    it('moves a reopened project back to the top without listing it twice', () => {
      const studio = newStudio()
      const other = join(folder.path, 'work', 'Other.capmap')
      studio.newProject(projectPath, false)
      studio.newProject(other, false)
      studio.session.open(projectPath)
      expect(studio.appState.recentProjects().map((project) => project.path)).toEqual([projectPath, other])
    })

    it('remembers them in the config folder for the next studio', () => {
      newStudio().newProject(projectPath, false)
      expect(existsSync(join(configDir, 'state.json'))).toBe(true)
      expect(
        newStudio()
          .appState.recentProjects()
          .map((project) => project.path)
      ).toEqual([projectPath])
    })

    it('marks a recent project whose file is gone', () => {
      const studio = newStudio()
      studio.newProject(projectPath, false)
      studio.session.close()
      rmSync(projectPath)
      expect(studio.appState.recentProjects()).toMatchObject([{ path: projectPath, exists: false }])
    })
  })

  it('tells every transport when a project opens and closes', () => {
    const studio = newStudio()
    const seen: [ServerEventName, unknown][] = []
    studio.bus.subscribe((name, payload) => name === 'projectChanged' && seen.push([name, payload]))
    studio.newProject(projectPath, false)
    studio.session.close()
    expect(seen.map(([name]) => name)).toEqual(['projectChanged', 'projectChanged'])
    expect(seen[0]?.[1]).toMatchObject({ project: { path: projectPath } })
    expect(seen[1]?.[1]).toEqual({ project: null })
  })
})
