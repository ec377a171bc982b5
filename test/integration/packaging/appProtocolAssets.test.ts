import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, it, expect } from 'vitest'
import { resolveAppAsset } from '../../../main/app/appProtocol'

// The built renderer (`npm run -s build` first) as app://studio serves it: every file, Monaco's workers and its icon
// font included, resolves to itself with a type, and the page names its files relatively (so they resolve under
// app://studio/ as under web mode's http://127.0.0.1).
const rendererRoot = join(__dirname, '../../../out/renderer')

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]
  )
}

describe('the built renderer over app://studio', () => {
  const files = filesUnder(rendererRoot).filter((file) => !file.endsWith('.map'))

  it('serves every built file, each with its content type', () => {
    for (const file of files) {
      const url = `app://studio/${relative(rendererRoot, file).split(sep).map(encodeURIComponent).join('/')}`
      expect(resolveAppAsset(url, rendererRoot), url).toMatchObject({ ok: true, path: file })
    }
    expect(files.some((file) => /json\.worker.*\.js$/.test(file))).toBe(true)
  })

  it('loads its script and styles by relative URLs', () => {
    const html = readFileSync(join(rendererRoot, 'index.html'), 'utf8')
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '')
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) expect(url, url).toMatch(/^\.\//)
  })
})
