import type { CaptureView } from '../../../shared/model/captureInbox'

/** Why a capture cannot be sent again signed (the reason its disabled button gives), or null when it can. */
export function whyNotSigned(detail: Pick<CaptureView, 'integrationId' | 'signedAs'>): string | null {
  if (detail.integrationId === null) return 'it matched no integration.'
  if (detail.signedAs === null) return 'its integration no longer exists.'
  if (detail.signedAs === 'none') return 'its integration checks no signature.'
  return null
}
