import { describe, expect, it } from 'vitest'
import { environmentVariableFor, signingSecretName } from '../../../../main/secrets/SecretStore'

describe('environmentVariableFor', () => {
  it('names an integration’s signing key CAPMAP_SIGNING_SECRET_<SLUG>, upper-cased, `_` for `-`', () => {
    expect(environmentVariableFor(signingSecretName('booking-app'))).toBe('CAPMAP_SIGNING_SECRET_BOOKING_APP')
    expect(environmentVariableFor(signingSecretName('webengage'))).toBe('CAPMAP_SIGNING_SECRET_WEBENGAGE')
    expect(environmentVariableFor(signingSecretName('eu-2-shop'))).toBe('CAPMAP_SIGNING_SECRET_EU_2_SHOP')
  })
})
