import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import type { RecentProject } from '../../shared/api/types'

const maxRecent = 10

const AppStateFile = z.object({
  recentProjects: z.array(z.object({ path: z.string(), openedAt: z.string() })).default([]),
  sampleCreated: z.boolean().default(false)
})
type AppStateFile = z.infer<typeof AppStateFile>

/** App-level state kept in the config folder (`state.json`): recent projects, first-run facts. Never secrets. */
export class AppState {
  private state: AppStateFile

  constructor(private readonly configDir: string) {
    this.state = this.read()
  }

  get filePath(): string {
    return join(this.configDir, 'state.json')
  }

  recentProjects(): RecentProject[] {
    return this.state.recentProjects.map((entry) => ({
      path: entry.path,
      name: projectName(entry.path),
      openedAt: entry.openedAt,
      exists: existsSync(entry.path)
    }))
  }

  mostRecentProject(): string | undefined {
    return this.state.recentProjects.find((entry) => existsSync(entry.path))?.path
  }

  rememberProject(path: string, openedAt: string): void {
    const others = this.state.recentProjects.filter((entry) => entry.path !== path)
    this.state.recentProjects = [{ path, openedAt }, ...others].slice(0, maxRecent)
    this.write()
  }

  get sampleCreated(): boolean {
    return this.state.sampleCreated
  }

  markSampleCreated(): void {
    this.state.sampleCreated = true
    this.write()
  }

  private read(): AppStateFile {
    try {
      return AppStateFile.parse(JSON.parse(readFileSync(this.filePath, 'utf8')))
    } catch {
      return AppStateFile.parse({})
    }
  }

  /** Written to a temporary file and renamed, so a crash never leaves half a state file. */
  private write(): void {
    mkdirSync(dirname(this.filePath), { recursive: true })
    const temporary = `${this.filePath}.${process.pid}.tmp`
    writeFileSync(temporary, `${JSON.stringify(this.state, null, 2)}\n`)
    renameSync(temporary, this.filePath)
  }
}

export function projectName(path: string): string {
  return basename(path).replace(/\.capmap$/i, '')
}
