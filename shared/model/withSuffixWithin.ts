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

/**
 * The first of `base` + `suffixOf(2)`, `suffixOf(3)`… (each fitted within `maxLength`) that `isTaken` refuses not:
 * the free name for a copy (`room_booked_v2`, `webengage-2`, `Hotel app (2)`).
 */
export function firstFreeName(
  base: string,
  suffixOf: (n: number) => string,
  maxLength: number,
  isTaken: (name: string) => boolean
): string {
  for (let n = 2; ; n += 1) {
    const candidate = withSuffixWithin(base, suffixOf(n), maxLength)
    if (!isTaken(candidate)) return candidate
  }
}
