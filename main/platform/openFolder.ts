import { spawn } from 'node:child_process'

/** Opens a folder in the system's file manager; no desktop to open it on is not an error (the path is answered). */
export function openFolder(path: string, platform = process.platform): void {
  const [command, args] =
    platform === 'win32' ? ['explorer', [path]] : platform === 'darwin' ? ['open', [path]] : ['xdg-open', [path]]
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // No file manager here (a server, CI): the caller shows the path instead.
  }
}
