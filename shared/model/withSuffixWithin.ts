import { sliceWhole } from './wellFormedText'

/**
 * `base` then `suffix` (`_v2`, `-2`, ` (2)`), `base` cut short when the whole would pass `maxLength`: never inside a
 * character, and without the separators the cut leaves at its end (`web-` + `-2` would make `web--2`).
 */
export function withSuffixWithin(base: string, suffix: string, maxLength: number): string {
  const room = Math.max(0, maxLength - suffix.length)
  if (base.length <= room) return `${base}${suffix}`
  const cut = sliceWhole(base, room).replace(/[\s_-]+$/, '')
  return `${cut}${suffix}`
}
