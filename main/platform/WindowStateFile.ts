import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import type { WindowState } from '../app/windowState'

const Finite = z.number().finite()
const WindowStateSchema = z.object({
  bounds: z.object({ x: Finite, y: Finite, width: Finite.positive(), height: Finite.positive() }),
  maximized: z.boolean()
})

/** The main window's last bounds in the config folder (`window-state.json`); a broken file reads as none. */
export class WindowStateFile {
  constructor(private readonly configDir: string) {}

  get filePath(): string {
    return join(this.configDir, 'window-state.json')
  }

  read(): WindowState | undefined {
    try {
      return WindowStateSchema.parse(JSON.parse(readFileSync(this.filePath, 'utf8')))
    } catch {
      return undefined
    }
  }

  /** Written to a temporary file and renamed, so a crash never leaves half a file. */
  write(state: WindowState): void {
    const valid = WindowStateSchema.parse(state)
    mkdirSync(dirname(this.filePath), { recursive: true })
    const temporary = `${this.filePath}.${process.pid}.tmp`
    writeFileSync(temporary, `${JSON.stringify(valid, null, 2)}\n`)
    renameSync(temporary, this.filePath)
  }
}
