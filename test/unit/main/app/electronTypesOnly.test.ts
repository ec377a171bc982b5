import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'

// The builders in main/app are proven in Node, where Electron cannot start: only main.ts, the shell that wires them,
// may import Electron's values; every other file takes its types alone.
const folder = join(__dirname, '../../../../main/app')

describe('main/app', () => {
  it("imports Electron's values only in main.ts", () => {
    const offenders = readdirSync(folder)
      .filter((file) => file.endsWith('.ts') && file !== 'main.ts')
      .filter((file) => {
        const source = readFileSync(join(folder, file), 'utf8')
        return (
          /import\s+(?!type\b)[^;]*from\s+'electron(\/[^']*)?'/.test(source) || /require\('electron'\)/.test(source)
        )
      })
    expect(offenders).toEqual([])
  })

  it('has main.ts import Electron (the negative control of the check above)', () => {
    expect(readFileSync(join(folder, 'main.ts'), 'utf8')).toMatch(/import\s+\{[^}]*\}\s+from\s+'electron'/)
  })
})
