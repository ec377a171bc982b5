/** What "Copy Diagnostics" and the unexpected-error dialog tell: versions and paths, never settings or secrets. */
export interface DiagnosticsFacts {
  appName: string
  appVersion: string
  /** process.versions: only the runtime versions below are kept, whatever else it holds. */
  versions: Record<string, string | undefined>
  platform: string
  arch: string
  osRelease: string
  configDir: string
  logsDir: string
  packaged: boolean
}

const runtimeVersions = ['electron', 'chrome', 'node', 'v8'] as const

/** Plain text a user can paste into a bug report. */
export function formatDiagnostics(facts: DiagnosticsFacts): string {
  const versions = runtimeVersions
    .filter((name) => facts.versions[name])
    .map((name) => `${name} ${facts.versions[name]}`)
    .join(', ')
  return [
    `${facts.appName} ${facts.appVersion}${facts.packaged ? '' : ' (development build)'}`,
    `Runtime: ${versions || 'unknown'}`,
    `OS: ${facts.platform} ${facts.osRelease} (${facts.arch})`,
    `Config folder: ${facts.configDir}`,
    `Logs folder: ${facts.logsDir}`
  ].join('\n')
}
