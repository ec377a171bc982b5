import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SafeStorageSecretStore, type StringCipher } from '../../../../main/secrets/SafeStorageSecretStore'
import { signingSecretName } from '../../../../main/secrets/SecretStore'

/** A reversible stand-in for safeStorage (our StringCipher interface): enough to see what reaches the file. */
function cipher(available = true): StringCipher & { failDecrypt: boolean } {
  return {
    failDecrypt: false,
    isEncryptionAvailable: () => available,
    encryptString(plainText: string) {
      return Buffer.from(`sealed:${Buffer.from(plainText).toString('hex')}`)
    },
    decryptString(encrypted: Buffer) {
      if (this.failDecrypt)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return Buffer.from(encrypted.toString().replace(/^sealed:/, ''), 'hex').toString()
    }
  }
}

let folder: string
let file: string
const shop = signingSecretName('shop')

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'capmap-secrets-'))
  file = join(folder, 'config', 'secrets.json')
})

afterEach(() => rmSync(folder, { recursive: true, force: true }))

describe('SafeStorageSecretStore', () => {
  it('keeps a secret across stores (app restarts), encrypted in a file only the user can read', () => {
    new SafeStorageSecretStore(cipher(), file).set(shop, 'hunter2')
    expect(new SafeStorageSecretStore(cipher(), file).get(shop)).toBe('hunter2')
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2')
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('says a kept secret comes from encrypted storage, and its backend is safeStorage', () => {
    const store = new SafeStorageSecretStore(cipher(), file)
    store.set(shop, 'x')
    expect(store.source(shop)).toBe('encrypted')
    expect(store.backend).toBe('safeStorage')
  })

  it('deletes a secret, keeping the others', () => {
    const store = new SafeStorageSecretStore(cipher(), file)
    const other = signingSecretName('other')
    store.set(shop, 'a')
    store.set(other, 'b')
    store.delete(shop)
    expect([store.get(shop), store.get(other)]).toEqual([undefined, 'b'])
  })

  it('refuses to keep a secret where the system offers no encryption, saying why', () => {
    expect(() => new SafeStorageSecretStore(cipher(false), file).set(shop, 'x')).toThrow(/no encrypted storage/)
  })

  it('reads a secret it cannot decrypt (another user, a changed keychain) as absent', () => {
    const sealing = cipher()
    new SafeStorageSecretStore(sealing, file).set(shop, 'x')
    sealing.failDecrypt = true
    expect(new SafeStorageSecretStore(sealing, file).get(shop)).toBeUndefined()
  })

  it('reads a damaged file as holding nothing', () => {
    new SafeStorageSecretStore(cipher(), file).set(shop, 'x')
    writeFileSync(file, '{ not json')
    expect(new SafeStorageSecretStore(cipher(), file).get(shop)).toBeUndefined()
  })
})
