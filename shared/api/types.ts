/** Output types of the contract that are not domain models. */

export interface AppInfo {
  name: string
  version: string
  /** How this studio runs: the desktop app, or the same UI in a browser (web mode). */
  mode: 'electron' | 'web' | 'cli'
  platform: string
  configDir: string
}

export interface OpenProject {
  path: string
  name: string
  readOnly: boolean
  /** Why the project is read-only, when it is: another studio holds it, or the user chose so. */
  readOnlyReason?: string
  schemaVersion: number
  lastSavedAt: string | null
}

export interface ProjectState {
  project: OpenProject | null
}

export interface RecentProject {
  path: string
  name: string
  openedAt: string
  exists: boolean
}

export type PickedPath = { supported: false } | { supported: true; path: string | null }

export interface DirectoryEntry {
  name: string
  path: string
  kind: 'directory' | 'project'
}

export interface DirectoryListing {
  path: string
  parent: string | null
  entries: DirectoryEntry[]
}
