import { isAppPageUrl } from './navigationPolicy'

/**
 * The only browser permission the studio's page asks for is writing the clipboard (Copy Diagnostics, copy buttons);
 * every other one (camera, notifications, geolocation, opening external apps...) and every other page is refused.
 */
const allowedPermissions = new Set(['clipboard-sanitized-write'])

export function decidePermission(permission: string, requestingUrl: string, appEntryUrl: string): boolean {
  return allowedPermissions.has(permission) && isAppPageUrl(requestingUrl, appEntryUrl)
}
