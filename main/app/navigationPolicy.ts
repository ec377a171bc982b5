/** What a navigation or new-window request may do: stay (our own page), open in the browser, or nothing. */
export type NavigationDecision = 'allow' | 'open-externally' | 'deny'

/**
 * Only the studio's own page stays in the window. `appEntryUrl` is the renderer's entry: for an http origin any path
 * of it (single-page routes); for a file:// entry that very file, so a local HTML file elsewhere never gets the
 * window, nor through it the preload's bridge; for the app's own scheme (app://studio/, see appProtocol.ts) any path
 * of that host.
 */
export function decideNavigation(target: string, appEntryUrl: string): NavigationDecision {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return 'deny'
  }
  if (isAppPage(url, new URL(appEntryUrl))) return 'allow'
  if (url.protocol === 'https:' || url.protocol === 'mailto:') return 'open-externally'
  return 'deny'
}

/** New windows are never opened inside the app; safe external links go to the user's browser. */
export function decideWindowOpen(target: string, appEntryUrl: string): NavigationDecision {
  const decision = decideNavigation(target, appEntryUrl)
  return decision === 'allow' ? 'deny' : decision
}

/** Whether a frame's URL is the studio's own page: the IPC sender check uses this too. */
export function isAppPageUrl(target: string, appEntryUrl: string): boolean {
  return decideNavigation(target, appEntryUrl) === 'allow'
}

function isAppPage(url: URL, entry: URL): boolean {
  if (entry.protocol === 'file:') return url.protocol === 'file:' && url.pathname === entry.pathname
  // A custom scheme (app://studio) has an opaque origin ("null") in the URL standard: compare scheme and host.
  if (entry.origin === 'null') return url.protocol === entry.protocol && url.host === entry.host && url.host !== ''
  return url.origin === entry.origin
}
