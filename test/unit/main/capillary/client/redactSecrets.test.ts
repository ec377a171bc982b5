import { describe, expect, it } from 'vitest'
import { redactSecrets } from '../../../../../main/capillary/client/redactSecrets'

describe('redactSecrets', () => {
  it('masks every occurrence of every secret', () => {
    expect(redactSecrets('token abcd1234 then abcd1234', ['abcd1234'])).toBe('token [redacted] then [redacted]')
  })

  it('masks a longer secret whole before a shorter one inside it', () => {
    expect(redactSecrets('Basic xyz-secret-xyz', ['secret', 'xyz-secret-xyz'])).toBe('Basic [redacted]')
  })

  it('leaves secrets shorter than four characters alone', () => {
    expect(redactSecrets('a cat', ['a'])).toBe('a cat')
  })
})
