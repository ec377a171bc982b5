import { describe, expect, it } from 'vitest'
import { authOfExisting } from '../../../../main/publish/authOfExisting'

describe('authOfExisting', () => {
  it('takes the scheme Capillary gives, whatever the project or profile say', () => {
    expect(authOfExisting({ authEnabled: true, authMechanism: 'oauth' }, 'BASIC', 'basic')).toBe('OAUTH')
    expect(authOfExisting({ authEnabled: false, authMechanism: 'OAUTH' }, 'OAUTH', 'oauth')).toBe('none')
  })

  it("without one (Get Org Webhooks lists none), takes the project's settings, else the profile's own scheme", () => {
    expect(authOfExisting({ authEnabled: true }, 'OAUTH', 'basic')).toBe('OAUTH')
    expect(authOfExisting({ authEnabled: true }, 'none', 'oauth')).toBe('OAUTH')
    expect(authOfExisting({ authEnabled: true }, undefined, 'basic')).toBe('BASIC')
  })
})
