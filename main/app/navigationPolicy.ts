/** What a navigation or new-window request may do: stay (our own pages), open in the browser, or nothing. */
export type NavigationDecision = 'allow' | 'open-externally' | 'deny'

export function decideNavigation(target: string, appOrigin: string): NavigationDecision {
  let url: URL
  try {
    url = new URL(target)
  } catch {
    return 'deny'
  }
  if (url.origin === appOrigin || (appOrigin === 'file://' && url.protocol === 'file:')) return 'allow'
  if (url.protocol === 'https:' || url.protocol === 'mailto:') return 'open-externally'
  return 'deny'
}

/** New windows are never opened inside the app; safe external links go to the user's browser. */
export function decideWindowOpen(target: string, appOrigin: string): NavigationDecision {
  const decision = decideNavigation(target, appOrigin)
  return decision === 'allow' ? 'deny' : decision
}
