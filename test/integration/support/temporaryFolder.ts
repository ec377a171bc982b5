import { mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh folder under the system's temporary folder, with its real path (macOS links /tmp), and its removal. */
export function createTemporaryFolder(prefix: string): { path: string; remove: () => void } {
  const path = realpathSync(mkdtempSync(join(tmpdir(), `capmap-${prefix}-`)))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}
