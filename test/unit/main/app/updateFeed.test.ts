import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { updateFeedOptions } from '../../../../main/app/updateFeed'
import { readUpdateFeedUrl } from '../../../../main/platform/UpdateSettings'

describe('updateFeedOptions', () => {
  it('is off (null) when the user set no feed', () => {
    expect(updateFeedOptions(null)).toBeNull()
    expect(updateFeedOptions(undefined)).toBeNull()
    expect(updateFeedOptions('  ')).toBeNull()
  })

  it("gives electron-updater a generic feed at the user's https URL", () => {
    expect(updateFeedOptions('https://updates.example.com/capmap/')).toEqual({
      provider: 'generic',
      url: 'https://updates.example.com/capmap',
      channel: 'latest'
    })
  })

  it('refuses a plain-http or malformed feed with a clear message', () => {
    expect(() => updateFeedOptions('http://updates.example.com/')).toThrow('must be an https:// URL')
    expect(() => updateFeedOptions('updates.example.com')).toThrow('must be a URL')
  })
})

describe('readUpdateFeedUrl', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'capmap-updates-'))

  it('is off when nothing is set', () => {
    expect(readUpdateFeedUrl(folder(), {})).toEqual({ feedUrl: null })
  })

  it("reads the config folder's updates.json", () => {
    const configDir = folder()
    writeFileSync(join(configDir, 'updates.json'), JSON.stringify({ feedUrl: 'https://u.example.com/' }))
    expect(readUpdateFeedUrl(configDir, {})).toEqual({ feedUrl: 'https://u.example.com/' })
  })

  it('lets CAPMAP_UPDATE_FEED_URL win over the file', () => {
    const configDir = folder()
    writeFileSync(join(configDir, 'updates.json'), JSON.stringify({ feedUrl: 'https://file.example.com/' }))
    expect(readUpdateFeedUrl(configDir, { CAPMAP_UPDATE_FEED_URL: 'https://env.example.com/' }).feedUrl).toBe(
      'https://env.example.com/'
    )
  })

  it('reports a broken file and stays off', () => {
    const configDir = folder()
    writeFileSync(join(configDir, 'updates.json'), '{"feedUrl": 3}')
    const read = readUpdateFeedUrl(configDir, {})
    expect(read.feedUrl).toBeNull()
    expect(read.problem).toMatch(/updates\.json is not valid.*updates stay off/)
  })
})
