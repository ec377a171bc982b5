import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { WindowStateFile } from '../../../../main/platform/WindowStateFile'

const folder = () => mkdtempSync(join(tmpdir(), 'capmap-window-'))
const state = { bounds: { x: -10, y: 20, width: 1200, height: 700 }, maximized: true }

describe('WindowStateFile', () => {
  it('reads back what it wrote, leaving no temporary file', () => {
    const configDir = folder()
    new WindowStateFile(configDir).write(state)
    expect(new WindowStateFile(configDir).read()).toEqual(state)
    expect(readdirSync(configDir)).toEqual(['window-state.json'])
  })

  it('reads a missing, broken or nonsensical file as none', () => {
    const configDir = folder()
    const file = new WindowStateFile(configDir)
    expect(file.read()).toBeUndefined()
    writeFileSync(file.filePath, '{"bounds":')
    expect(file.read()).toBeUndefined()
    writeFileSync(file.filePath, JSON.stringify({ ...state, bounds: { ...state.bounds, width: -5 } }))
    expect(file.read()).toBeUndefined()
  })

  it('refuses to write bounds that are not finite', () => {
    expect(() =>
      new WindowStateFile(folder()).write({ ...state, bounds: { ...state.bounds, x: Number.NaN } })
    ).toThrow()
  })
})
