import { homedir } from 'node:os'
import { join } from 'node:path'

export const appFolderName = 'Capillary Mapping Studio'

/**
 * The studio's config folder, the same for the app, web mode and the CLI: the platform's standard location
 * (what Electron's `userData` would be), or `CAPMAP_CONFIG_DIR` when set (tests, portable installs).
 */
export function resolveConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.CAPMAP_CONFIG_DIR) return env.CAPMAP_CONFIG_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appFolderName)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appFolderName)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appFolderName)
}
