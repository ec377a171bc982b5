import type { BodyExcerpt } from '../../../shared/model/captureInbox'

export interface BodyPreview {
  text: string
  language: 'json' | 'plaintext'
  /** Set when only the start is shown. */
  truncated: { shownChars: number; totalChars: number } | null
}

/** What an editor shows of one view of a body, and whether that is only its start. */
export function previewOf(excerpt: BodyExcerpt): BodyPreview {
  return {
    text: excerpt.text,
    language: excerpt.language,
    truncated:
      excerpt.text.length < excerpt.totalChars
        ? { shownChars: excerpt.text.length, totalChars: excerpt.totalChars }
        : null
  }
}
