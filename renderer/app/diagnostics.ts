import type { AppInfo } from '../../shared/api/types'

/** What the renderer knows of where it runs: the studio's own facts (main's) and the browser engine. */
export interface RendererFacts {
  appInfo: AppInfo | null
  userAgent: string
  language: string
}

/** Chromium's and Electron's versions as the user agent names them (Electron's only in the app). */
export function engineVersions(userAgent: string): string {
  const found = [/Electron\/([\d.]+)/, /Chrome\/([\d.]+)/].flatMap((pattern) => {
    const match = pattern.exec(userAgent)
    return match ? [`${pattern.source.split('\\/')[0]} ${match[1]}`] : []
  })
  return found.join(', ') || userAgent
}

/**
 * "Copy Diagnostics", the About dialog and the error screens: versions and paths to paste into a report. Never a
 * setting, a profile or a secret: only what is listed here.
 */
export function formatRendererDiagnostics({ appInfo, userAgent, language }: RendererFacts): string {
  if (!appInfo)
    return ['Capillary Mapping Studio (version not known yet)', `Engine: ${engineVersions(userAgent)}`].join('\n')
  const separator = appInfo.configDir.includes('\\') ? '\\' : '/'
  return [
    `${appInfo.name} ${appInfo.version} (${appInfo.mode === 'electron' ? 'desktop app' : `${appInfo.mode} mode`})`,
    `Platform: ${appInfo.platform}`,
    `Engine: ${engineVersions(userAgent)}`,
    `Language: ${language}`,
    `Config folder: ${appInfo.configDir}`,
    `Logs folder: ${appInfo.configDir}${separator}logs`
  ].join('\n')
}

let knownAppInfo: AppInfo | null = null

/** Kept here once loaded, so an error screen shown after the app broke can still tell the versions. */
export function rememberAppInfo(appInfo: AppInfo | null): void {
  if (appInfo) knownAppInfo = appInfo
}

export function currentDiagnostics(): string {
  return formatRendererDiagnostics({
    appInfo: knownAppInfo,
    userAgent: navigator.userAgent,
    language: navigator.language
  })
}

/** Copies the diagnostics; answers whether the clipboard took them (a browser may refuse without a user gesture). */
export async function copyDiagnostics(): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(currentDiagnostics())
    return true
  } catch {
    return false
  }
}
