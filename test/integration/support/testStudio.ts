import { join } from 'node:path'
import { StudioError } from '../../../main/errors/StudioError'
import { silentLogger } from '../../../main/platform/logger'
import { createStudio, type Studio } from '../../../main/services/createStudio'
import { createTemporaryFolder } from './temporaryFolder'

export interface TestStudio {
  studio: Studio
  /** The project file the studio has open (new and empty). */
  projectPath: string
  folder: string
  dispose(): void
}

/** A studio with its own config folder and a new empty project, in a temporary folder removed by `dispose`. */
export function createTestStudio(prefix: string): TestStudio {
  const folder = createTemporaryFolder(prefix)
  const studio = createStudio({
    configDir: join(folder.path, 'config'),
    mode: 'cli',
    version: 'test',
    logger: silentLogger
  })
  const projectPath = join(folder.path, 'Project.capmap')
  studio.newProject(projectPath, false)
  return {
    studio,
    projectPath,
    folder: folder.path,
    dispose() {
      studio.session.close()
      folder.remove()
    }
  }
}

/** The StudioError `run` throws; fails the test when it throws nothing or something else. */
export function studioErrorOf(run: () => unknown): StudioError {
  try {
    run()
  } catch (error) {
    if (error instanceof StudioError) return error
    throw error
  }
  throw new Error('expected a StudioError, but nothing was thrown')
}
