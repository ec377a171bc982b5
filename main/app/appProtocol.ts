import type { CustomScheme } from 'electron'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { rendererContentTypes } from './rendererContentTypes'

/**
 * The renderer is served from `app://studio/` rather than file:// (Electron's security checklist, item 18): a
 * standard, secure origin of its own, so the CSP's 'self', module workers (Monaco's) and fetch behave as on the web,
 * and no page can reach a local file through it.
 */
export const appScheme = 'app'
export const appHost = 'studio'
export const appEntryUrl = `${appScheme}://${appHost}/index.html`

/** Registered before `ready`, as Electron requires for privileged schemes. */
export const appSchemePrivileges: CustomScheme = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true }
}

export type AppAsset = { ok: true; path: string; mimeType: string } | { ok: false; status: 400 | 403 | 404 }

/**
 * The file under `rendererRoot` an app:// request names, or why it is refused: another host, an encoded or plain
 * `..` leaving the folder, a NUL byte, an absolute path smuggled in, or a type the renderer never serves.
 */
export function resolveAppAsset(requestUrl: string, rendererRoot: string): AppAsset {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { ok: false, status: 400 }
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return { ok: false, status: 403 }
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { ok: false, status: 400 }
  }
  if (pathname.includes('\0') || pathname.includes('\\') || namesParentFolder(requestUrl)) {
    return { ok: false, status: 403 }
  }
  const wanted = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '')
  const root = resolve(rendererRoot)
  const path = resolve(root, wanted)
  const inside = relative(root, path)
  if (!inside || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
    return { ok: false, status: 403 }
  }
  const mimeType = rendererContentTypes[extname(path).toLowerCase()]
  if (!mimeType) return { ok: false, status: 404 }
  return { ok: true, path, mimeType }
}

/** A request that names `..` (plain or escaped) is refused outright, not quietly normalised by the URL parser. */
function namesParentFolder(requestUrl: string): boolean {
  const rawPath = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? ''
  return rawPath.split('/').some((segment) => /^(\.|%2e){2}$/i.test(segment))
}
