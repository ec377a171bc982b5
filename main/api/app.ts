import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openFolder } from '../platform/openFolder'
import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

export const createAppHandlers = (studio: Studio): Pick<Handlers, 'getAppInfo' | 'revealLogs'> => ({
  getAppInfo: () => studio.appInfo,
  revealLogs: () => {
    // The same logs folder the app, web mode and the CLI write to (main/platform/fileLogger.ts, main/app/main.ts).
    const path = join(studio.appInfo.configDir, 'logs')
    mkdirSync(path, { recursive: true })
    openFolder(path)
    return { path }
  }
})
