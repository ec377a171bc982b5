import type { Transform } from '../../model/mapping'
import { elementwise, type TransformStep } from './transformStep'

/**
 * Hides text but its first `keepStart` and last `keepEnd` characters. Text too short to hide anything once those are
 * kept is hidden entirely: a mask never gives the whole value away.
 */
export function mask(transform: Extract<Transform, { kind: 'mask' }>): TransformStep {
  const keepStart = transform.keepStart ?? 0
  const keepEnd = transform.keepEnd ?? 4
  const character = transform.character ?? '*'
  return elementwise((value) => {
    if (typeof value !== 'string' && typeof value !== 'number') return value
    const characters = Array.from(String(value))
    if (characters.length <= keepStart + keepEnd) return character.repeat(characters.length)
    return (
      characters.slice(0, keepStart).join('') +
      character.repeat(characters.length - keepStart - keepEnd) +
      characters.slice(characters.length - keepEnd).join('')
    )
  })
}
