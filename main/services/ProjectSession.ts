import { existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { OpenProject, ProjectState } from '../../shared/api/types'
import { namesAFolder } from '../../shared/model/filePath'
import { StudioError } from '../errors/StudioError'
import type { Logger } from '../platform/logger'
import { projectName, type AppState } from '../platform/AppState'
import { backupProject } from '../store/backups'
import { CaptureRepository } from '../store/CaptureRepository'
import {
  checkpoint,
  diskAccess,
  isReadOnly,
  openProjectDatabase,
  schemaVersionOf,
  type ProjectDatabase
} from '../store/database'
import { EventRepository } from '../store/EventRepository'
import { EventTrash } from '../store/EventTrash'
import { IntegrationRepository } from '../store/IntegrationRepository'
import { ListenerSettingsRepository } from '../store/ListenerSettingsRepository'
import { MappingRepository } from '../store/MappingRepository'
import { ProjectLock } from '../store/ProjectLock'
import { ProjectMetaRepository } from '../store/ProjectMetaRepository'
import { TestCaseRepository } from '../store/TestCaseRepository'
import { WebhookSettingsRepository } from '../store/WebhookSettingsRepository'
import { CaptureTrash } from './CaptureTrash'
import type { Clock } from './Clock'
import type { ServerEventBus } from './ServerEventBus'
import { notARegularFile } from '../platform/fileReadProblem'
import { fullLocalPath } from '../platform/fullLocalPath'

interface OpenedProject {
  path: string
  db: ProjectDatabase
  lock: ProjectLock | undefined
  readOnlyReason: string | undefined
  events: EventRepository
  integrations: IntegrationRepository
  mappings: MappingRepository
  webhookSettings: WebhookSettingsRepository
  meta: ProjectMetaRepository
  captures: CaptureRepository
  listenerSettings: ListenerSettingsRepository
  testCases: TestCaseRepository
}

/** Follows the open project: the listener starts with it and stops before its file closes. */
export interface ProjectObserver {
  opened(project: OpenedProject): void
  closing(project: OpenedProject): void
}

export interface ProjectSessionDeps {
  appState: AppState
  bus: ServerEventBus
  clock: Clock
  logger: Logger
  backupsDir: string
  /** What to advise when another studio holds the project: the CLI has no read-only open to offer. */
  lockedAdvice?: string
  /**
   * Whether opening a project puts it first in the studio's Recent list (the one it opens on its next start). Not
   * for headless commands: a CI job's or a script's project is not one the user opened. A created project always is.
   */
  remembersOpened?: boolean
}

/**
 * The project open in this studio (one per window or web server): opening, creating, Save As and closing a
 * `*.capmap` file, its editing lock, its rolling backups. Features reach the project's repositories through it.
 */
export class ProjectSession {
  private current: OpenedProject | undefined
  private readonly observers = new Set<ProjectObserver>()

  constructor(private readonly deps: ProjectSessionDeps) {}

  state(): ProjectState {
    return { project: this.current ? this.describe(this.current) : null }
  }

  /**
   * Creates a project file and opens it; `seed` fills it (the sample, a bundle) inside the same open. The file is
   * made beside its path (`<file>.partial`) and put in place only once complete: a process killed while seeding
   * (Ctrl+C during `capmap import --new`) leaves no half-made project, nor a lock, at the path to try again with.
   */
  create(path: string, seed?: (project: OpenedProject) => void): ProjectState {
    const absolute = resolveProjectPath(path)
    if (existsSync(absolute)) throw new StudioError('conflict', `${absolute} already exists: choose another name.`)
    assertFolderExists(absolute)
    const partial = `${absolute}.partial`
    const partialLock = cannotCreateSaid(absolute, () => lockFor(partial, 'is being created by another process'))
    // What a killed creation left (its lock was taken over just now): a half-made file no one will finish.
    const removePartial = () => {
      for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true })
    }
    let lock: ProjectLock | undefined
    try {
      removePartial()
      const db = createProjectFile(partial, absolute)
      try {
        const project = this.assemble(partial, db, partialLock, undefined)
        seed?.(project)
        project.meta.set('createdAt', this.deps.clock.now().toISOString())
        checkpoint(db)
      } finally {
        db.close()
      }
      // The path's own lock before the file is there: no other process opens it for editing in between.
      lock = lockFor(absolute, 'is open in another process')
      putInPlace(partial, absolute)
      removePartial()
    } catch (error) {
      // A project that could not be filled is not left behind half made, nor locked.
      removePartial()
      lock?.release()
      throw error
    } finally {
      partialLock.release()
    }
    try {
      return this.activate(this.assemble(absolute, openProjectDatabase(absolute), lock, undefined), true)
    } catch (error) {
      lock.release()
      throw error
    }
  }

  /** Opens a project for editing, or read-only when asked or when another studio is editing it. */
  open(path: string, options: { readOnly?: boolean } = {}): ProjectState {
    const absolute = projectFileToOpen(path, this.current !== undefined)
    // The same file again: nothing to do, unless it is open read-only and the user now asks to edit it.
    if (this.current?.path === absolute && (options.readOnly || !isReadOnly(this.current.db))) return this.state()
    // A file the user may not write (or whose folder cannot take its lock and journal) is opened to read, as an
    // editor opens a write-protected file.
    const access = diskAccess(absolute)
    const readOnlyReason = options.readOnly
      ? 'Opened read-only.'
      : !access.file
        ? 'The file is read-only for you (its permissions): opened read-only.'
        : !access.folder
          ? 'Its folder is read-only for you: opened read-only.'
          : undefined
    if (readOnlyReason) {
      return this.activate(
        this.assemble(absolute, openProjectDatabase(absolute, { readOnly: true }), undefined, readOnlyReason)
      )
    }
    const lock = ProjectLock.acquire(absolute)
    if (!lock.acquired) {
      throw new StudioError(
        'project_locked',
        `${projectName(absolute)} is open for editing in another studio (process ${lock.owner.pid} on ${lock.owner.hostname}, since ${lock.owner.since}). ${this.deps.lockedAdvice ?? 'Close it there, or open it read-only.'}`
      )
    }
    try {
      const db = openProjectDatabase(absolute)
      this.backup(db, absolute)
      return this.activate(this.assemble(absolute, db, lock.lock, undefined))
    } catch (error) {
      lock.lock.release()
      throw error
    }
  }

  /** Writes a complete single-file copy (`VACUUM INTO`) and continues editing the copy, as desktop apps do. */
  saveAs(path: string): ProjectState {
    const project = this.require()
    const absolute = resolveProjectPath(path)
    if (absolute === project.path)
      throw new StudioError('conflict', 'That is the file already open: choose a new name.')
    if (existsSync(absolute)) throw new StudioError('conflict', `${absolute} already exists: choose another name.`)
    assertFolderExists(absolute)
    writeCopy(project.db, absolute)
    this.close()
    this.open(absolute)
    // The copy was saved just now (its own record came over from the original, as old as that one's last change).
    this.touch()
    return this.state()
  }

  close(): ProjectState {
    const project = this.current
    if (!project) return this.state()
    this.current = undefined
    for (const observer of this.observers) this.notify(() => observer.closing(project))
    try {
      if (!isReadOnly(project.db)) this.backup(project.db, project.path)
      checkpoint(project.db)
    } finally {
      project.db.close()
      project.lock?.release()
    }
    this.deps.bus.emit('projectChanged', this.state())
    return this.state()
  }

  /** The open project's repositories; `forWriting` refuses a read-only project with a clear message. */
  require(options: { forWriting?: boolean } = {}): OpenedProject {
    if (!this.current) throw new StudioError('no_project', 'No project is open: create or open one first.')
    if (options.forWriting && isReadOnly(this.current.db)) {
      throw new StudioError('read_only', `${projectName(this.current.path)} is open read-only: changes are not saved.`)
    }
    return this.current
  }

  /** Records that the project changed now (shown as "last save" in the status bar). */
  touch(): void {
    const project = this.require({ forWriting: true })
    project.meta.set('lastSavedAt', this.deps.clock.now().toISOString())
  }

  observe(observer: ProjectObserver): () => void {
    this.observers.add(observer)
    return () => this.observers.delete(observer)
  }

  private notify(callback: () => void): void {
    try {
      callback()
    } catch (error) {
      this.deps.logger.error(`a project observer failed: ${(error as Error).stack ?? String(error)}`)
    }
  }

  private assemble(
    path: string,
    db: ProjectDatabase,
    lock: ProjectLock | undefined,
    readOnlyReason: string | undefined
  ): OpenedProject {
    return {
      path,
      db,
      lock,
      readOnlyReason,
      events: new EventRepository(db),
      integrations: new IntegrationRepository(db),
      mappings: new MappingRepository(db),
      webhookSettings: new WebhookSettingsRepository(db),
      meta: new ProjectMetaRepository(db),
      captures: new CaptureRepository(db),
      listenerSettings: new ListenerSettingsRepository(db),
      testCases: new TestCaseRepository(db)
    }
  }

  private activate(project: OpenedProject, remember = this.deps.remembersOpened !== false): ProjectState {
    if (this.current) this.close()
    this.current = project
    if (remember) this.deps.appState.rememberProject(project.path, this.deps.clock.now().toISOString())
    this.deps.logger.info(`project opened: ${project.path}${isReadOnly(project.db) ? ' (read-only)' : ''}`)
    const state = this.state()
    this.deps.bus.emit('projectChanged', state)
    for (const observer of this.observers) this.notify(() => observer.opened(project))
    return state
  }

  /** Before a backup is taken: deleted captures and events past their undo window are not carried into it. */
  private backup(db: ProjectDatabase, path: string): void {
    try {
      const now = this.deps.clock.now()
      new CaptureTrash(db).purgeExpired(now)
      new EventTrash(db).purgeExpired(now)
    } catch (error) {
      this.deps.logger.warn(`expired trash of ${path} could not be purged: ${(error as Error).message}`)
    }
    try {
      backupProject(db, path, this.deps.backupsDir, this.deps.clock.now())
    } catch (error) {
      // A failed backup must never stop the user working; it is logged for "Reveal logs".
      this.deps.logger.warn(`backup of ${path} failed: ${(error as Error).message}`)
    }
  }

  private describe(project: OpenedProject): OpenProject {
    return {
      path: project.path,
      name: projectName(project.path),
      readOnly: isReadOnly(project.db),
      ...(project.readOnlyReason ? { readOnlyReason: project.readOnlyReason } : {}),
      schemaVersion: schemaVersionOf(project.db),
      lastSavedAt: project.meta.get('lastSavedAt') ?? null
    }
  }
}

export type { OpenedProject }

/** `VACUUM INTO` writes only the new file, so a project open read-only (query_only) may still be copied. */
function writeCopy(db: ProjectDatabase, target: string): void {
  const queryOnly = !db.readonly && db.pragma('query_only', { simple: true }) === 1
  if (queryOnly) db.pragma('query_only = OFF')
  try {
    db.prepare('VACUUM INTO ?').run(target)
  } catch (error) {
    // A folder the user may not write to, a full disk: theirs to fix, in words; nothing is left half written (a
    // file another program put there meanwhile is not ours to remove).
    if (!/already exists/i.test((error as Error).message)) rmSync(target, { force: true })
    throw new StudioError('file_error', `Cannot write ${target}: ${(error as Error).message}.`)
  } finally {
    if (queryOnly) db.pragma('query_only = ON')
  }
}

/**
 * The project file a path names for opening: the file as typed when it exists, else with `.capmap` added when the
 * name does not end in .capmap or .json already (the extension may be left off). A folder and a bundle are refused
 * with what to do instead; any other file is left to the header check, which refuses a file that is not a project.
 */
function projectFileToOpen(path: string, projectOpen: boolean): string {
  const typed = fullLocalPath(path)
  const absolute = existsSync(typed) || /\.(capmap|json)$/i.test(typed) ? typed : `${typed}.capmap`
  if (!existsSync(absolute)) throw new StudioError('not_found', `There is no project at ${absolute}.`)
  if (statSync(absolute).isDirectory()) {
    throw new StudioError('not_a_project', `${absolute} is a folder: pick a project file (*.capmap) in it.`)
  }
  const notAFile = notARegularFile(absolute)
  if (notAFile) throw new StudioError('not_a_project', notAFile)
  if (/\.json$/i.test(absolute)) {
    const importIt = projectOpen
      ? 'bring it in with Import Bundle… (File menu or command palette), which merges it into this project or makes a new project from it'
      : 'open or create a project, then use Import Bundle… (File menu or command palette) to merge it in or make a new project from it'
    throw new StudioError(
      'not_a_project',
      `${absolute} is a bundle (an exported *.capmap.json), not a project: ${importIt}.`
    )
  }
  return absolute
}

/** A new file's folder must be there: the user's to fix, in words. */
function assertFolderExists(absolute: string): void {
  if (!existsSync(dirname(absolute))) {
    throw new StudioError(
      'file_error',
      `There is no folder ${dirname(absolute)}: create it first, or pick another place.`
    )
  }
}

/**
 * A new, empty project file at `path`, for `shownPath`; a folder that is not there or a name the disk refuses is the
 * user's to fix, in words.
 */
function createProjectFile(path: string, shownPath: string): ProjectDatabase {
  assertFolderExists(shownPath)
  return cannotCreateSaid(shownPath, () => openProjectDatabase(path, { create: true }))
}

/** Runs a step of creating a project, a disk's refusal said in words. */
function cannotCreateSaid<T>(shownPath: string, step: () => T): T {
  try {
    return step()
  } catch (error) {
    if (error instanceof StudioError) throw error
    throw new StudioError('file_error', `Cannot create ${shownPath}: ${(error as Error).message}.`)
  }
}

/**
 * Puts a complete project file at its path: a hard link then the old name removed, so a file that appeared there
 * meanwhile is never replaced; where the disk has no hard links (FAT), a rename after checking the path is free.
 */
function putInPlace(from: string, to: string): void {
  try {
    linkSync(from, to)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') throw new StudioError('conflict', `${to} already exists: choose another name.`)
    if (existsSync(to)) throw new StudioError('conflict', `${to} already exists: choose another name.`)
    renameSync(from, to)
    return
  }
  rmSync(from, { force: true })
}

/**
 * Where a new project file goes: the path given, `.capmap` added when it lacks it. A path that ends in a separator
 * (or in `.` or `..`) names a folder, not a file: refused, rather than writing `<folder>.capmap` beside it.
 */
export function resolveProjectPath(path: string): string {
  if (namesAFolder(path)) {
    throw new StudioError('invalid_input', `${path} is a folder: add a file name after it, such as Shop.capmap.`)
  }
  const absolute = fullLocalPath(path)
  return /\.capmap$/i.test(absolute) ? absolute : `${absolute}.capmap`
}

/** The lock of a file about to be made, or why not: `held` says what the process holding it does. */
function lockFor(path: string, held: string): ProjectLock {
  const taken = ProjectLock.acquire(path)
  if (taken.acquired) return taken.lock
  const { owner } = taken
  throw new StudioError(
    'project_locked',
    `${projectName(path.replace(/\.partial$/, ''))} ${held} (${owner.pid} on ${owner.hostname}, since ${owner.since}): wait for it, or pick another name.`
  )
}
