import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import {
  ConnectionProfile,
  connectionProfileProblems,
  type ConnectionProfileDraft
} from '../../shared/model/connectionProfile'
import { StudioError } from '../errors/StudioError'

const ProfilesFile = z.object({
  version: z.literal(1).default(1),
  profiles: z.array(ConnectionProfile).default([]),
  /** The user said "not now" to the offer of a local sandbox. */
  sandboxOfferDismissed: z.boolean().default(false),
  /** The profile made for the studio's local sandbox, kept pointing at it. */
  localSandboxProfileId: z.string().nullable().default(null)
})
type ProfilesFile = z.infer<typeof ProfilesFile>

export const connectionProfilesFileName = 'connection-profiles.json'

/**
 * Connection profiles in the config folder (`connection-profiles.json`), shared by the app, web mode and the CLI:
 * read afresh on every use (another process may have written them), written atomically, never holding a secret.
 */
export class ConnectionProfiles {
  constructor(
    private readonly configDir: string,
    private readonly clock: { now(): Date; newId(): string }
  ) {}

  get filePath(): string {
    return join(this.configDir, connectionProfilesFileName)
  }

  list(): ConnectionProfile[] {
    return [...this.read().profiles].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
  }

  get(id: string): ConnectionProfile | undefined {
    return this.read().profiles.find((profile) => profile.id === id)
  }

  /** Creates a profile (no id) or replaces one; a draft that breaks a rule is refused with the first problem. */
  save(id: string | undefined, draft: ConnectionProfileDraft): ConnectionProfile {
    const state = this.read()
    const existing = id === undefined ? undefined : state.profiles.find((profile) => profile.id === id)
    if (id !== undefined && !existing) throw new StudioError('not_found', 'That connection profile no longer exists.')
    const others = state.profiles.filter((profile) => profile.id !== id).map((profile) => profile.name)
    const problem = Object.values(connectionProfileProblems(draft, others))[0]
    if (problem) throw new StudioError('invalid_input', problem)
    const now = this.clock.now().toISOString()
    const profile: ConnectionProfile = {
      ...normalise(draft),
      id: existing?.id ?? this.clock.newId(),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now
    }
    state.profiles = [...state.profiles.filter((candidate) => candidate.id !== profile.id), profile]
    this.write(state)
    return profile
  }

  delete(id: string): boolean {
    const state = this.read()
    const kept = state.profiles.filter((profile) => profile.id !== id)
    if (kept.length === state.profiles.length) return false
    state.profiles = kept
    if (state.localSandboxProfileId === id) state.localSandboxProfileId = null
    this.write(state)
    return true
  }

  get sandboxOfferDismissed(): boolean {
    return this.read().sandboxOfferDismissed
  }

  dismissSandboxOffer(): void {
    this.update((state) => ({ ...state, sandboxOfferDismissed: true }))
  }

  get localSandboxProfileId(): string | null {
    const state = this.read()
    const id = state.localSandboxProfileId
    return id !== null && state.profiles.some((profile) => profile.id === id) ? id : null
  }

  rememberLocalSandboxProfile(id: string): void {
    this.update((state) => ({ ...state, localSandboxProfileId: id }))
  }

  private update(change: (state: ProfilesFile) => ProfilesFile): void {
    this.write(change(this.read()))
  }

  private read(): ProfilesFile {
    if (!existsSync(this.filePath)) return ProfilesFile.parse({})
    try {
      return ProfilesFile.parse(JSON.parse(readFileSync(this.filePath, 'utf8')))
    } catch (error) {
      throw new StudioError(
        'file_error',
        `The connection profiles in ${this.filePath} cannot be read (${(error as Error).message.split('\n')[0]}). ` +
          'Fix or remove that file.'
      )
    }
  }

  /** Written to a temporary file and renamed, so a crash never leaves half a file. */
  private write(state: ProfilesFile): void {
    mkdirSync(dirname(this.filePath), { recursive: true })
    const temporary = `${this.filePath}.${process.pid}.tmp`
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`)
    renameSync(temporary, this.filePath)
  }
}

function normalise(draft: ConnectionProfileDraft): ConnectionProfileDraft {
  return {
    ...draft,
    name: draft.name.trim(),
    orgId: draft.orgId.trim(),
    customBaseUrl: draft.cluster === 'custom' ? draft.customBaseUrl.trim().replace(/\/+$/, '') : '',
    tillCode: draft.auth === 'basic' ? draft.tillCode.trim() : '',
    oauthKey: draft.auth === 'oauth' ? draft.oauthKey.trim() : ''
  }
}
