import { z } from 'zod'

/**
 * Auto-update is off unless the user names a feed: a generic electron-updater feed (a folder of latest*.yml and
 * installers on any HTTPS server). Only https is accepted, so an update can never come over plain http.
 */
export const UpdateFeedUrl = z
  .string()
  .trim()
  .url('The update feed must be a URL.')
  .refine(
    (value) => URL.canParse(value) && new URL(value).protocol === 'https:',
    'The update feed must be an https:// URL.'
  )

export interface GenericFeed {
  provider: 'generic'
  url: string
  channel: 'latest'
}

/** electron-updater's feed options for a user-set URL, or null (updates off) when none is set. */
export function updateFeedOptions(feedUrl: string | null | undefined): GenericFeed | null {
  if (feedUrl === null || feedUrl === undefined || feedUrl.trim() === '') return null
  const parsed = UpdateFeedUrl.safeParse(feedUrl)
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'The update feed is not valid.')
  return { provider: 'generic', url: parsed.data.replace(/\/+$/, ''), channel: 'latest' }
}
