import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { StudioError } from '../errors/StudioError'
import type { Studio } from './createStudio'

/**
 * What opens at start: the project asked for, else the most recent one, else (first start) the sample project,
 * built into `sampleFolder`. A project another studio is editing opens read-only, with the reason shown.
 */
export function openStartupProject(studio: Studio, sampleFolder: string, requested?: string): void {
  const target = requested ?? studio.appState.mostRecentProject()
  if (target) {
    try {
      if (requested && !existsProject(target)) studio.newProject(target, false)
      else studio.session.open(target)
      return
    } catch (error) {
      if (error instanceof StudioError && error.code === 'project_locked') {
        studio.session.open(target, { readOnly: true })
        return
      }
      studio.logger.warn(`could not open ${target}: ${(error as Error).message}`)
      if (requested) throw error
    }
  }
  if (!studio.appState.sampleCreated) {
    mkdirSync(sampleFolder, { recursive: true })
    const samplePath = join(sampleFolder, 'Sample.capmap')
    if (existsProject(samplePath)) studio.session.open(samplePath)
    else studio.newProject(samplePath, true)
    studio.appState.markSampleCreated()
  }
}

function existsProject(path: string): boolean {
  return existsSync(/\.capmap$/i.test(path) ? path : `${path}.capmap`)
}
