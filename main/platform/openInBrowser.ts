import { spawn } from 'node:child_process'

/** Opens a URL in the user's default browser; failing to (no desktop) is not an error, the URL is printed anyway. */
export function openInBrowser(url: string, platform = process.platform): void {
  const [command, args] =
    platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]]
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    // No browser launcher here: the printed URL is enough.
  }
}
