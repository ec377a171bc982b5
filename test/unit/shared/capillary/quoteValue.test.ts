import { describe, expect, it } from 'vitest'
import { normaliseIdentifier } from '../../../../shared/capillary/normaliseIdentifier'
import { quoteValue } from '../../../../shared/capillary/quoteValue'

describe('quoteValue', () => {
  it('quotes a short value whole and cuts a long one short, never inside a character', () => {
    expect(quoteValue('Bengaluru')).toBe('"Bengaluru"')
    expect(quoteValue('a'.repeat(40))).toBe(`"${'a'.repeat(40)}"`)
    expect(quoteValue('a'.repeat(100_000))).toBe(`"${'a'.repeat(40)}..."`)
    expect(quoteValue(`${'a'.repeat(39)}😀`)).toBe(`"${'a'.repeat(39)}..."`)
  })

  it('keeps a message about a huge value short', () => {
    const { issues } = normaliseIdentifier('9'.repeat(100_000), 'mobile')
    expect(issues[0]?.message.length).toBeLessThan(200)
  })
})
