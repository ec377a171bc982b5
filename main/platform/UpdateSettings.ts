import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'

export const updateSettingsFileName = 'updates.json'

const UpdateSettingsFile = z.object({ feedUrl: z.string().nullable().default(null) }).strict()

/**
 * The update feed the user set: `CAPMAP_UPDATE_FEED_URL`, else `feedUrl` in the config folder's `updates.json`;
 * null (updates off, the default) when neither is set. A file that cannot be read is reported, never guessed at.
 */
export function readUpdateFeedUrl(
  configDir: string,
  env: NodeJS.ProcessEnv = process.env
): { feedUrl: string | null; problem?: string } {
  if (env.CAPMAP_UPDATE_FEED_URL?.trim()) return { feedUrl: env.CAPMAP_UPDATE_FEED_URL.trim() }
  const path = join(configDir, updateSettingsFileName)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return { feedUrl: null }
  }
  try {
    return { feedUrl: UpdateSettingsFile.parse(JSON.parse(text)).feedUrl }
  } catch (error) {
    return {
      feedUrl: null,
      problem: `${path} is not valid (${(error as Error).message.split('\n')[0]}); updates stay off.`
    }
  }
}
