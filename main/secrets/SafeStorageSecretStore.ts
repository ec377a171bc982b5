import type { SafeStorage } from 'electron'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SecretSource } from '../../shared/model/listenerSettings'
import { StudioError } from '../errors/StudioError'
import type { SecretName, SecretStore } from './SecretStore'

/** The part of Electron's safeStorage we use: main/app hands in the real one; tests a reversible stand-in. */
export type StringCipher = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>

/**
 * The desktop app's secrets: encrypted by the operating system's keychain through Electron's safeStorage, kept as
 * base64 ciphertexts in one file of the config folder (readable by the user only). A secret that cannot be
 * decrypted (another user, a changed keychain) reads as absent.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly backend = 'safeStorage'

  constructor(
    private readonly cipher: StringCipher,
    private readonly file: string
  ) {}

  get(name: SecretName): string | undefined {
    const encrypted = this.read()[name]
    if (encrypted === undefined || !this.cipher.isEncryptionAvailable()) return undefined
    try {
      return this.cipher.decryptString(Buffer.from(encrypted, 'base64'))
    } catch {
      return undefined
    }
  }

  source(name: SecretName): SecretSource | undefined {
    return this.get(name) === undefined ? undefined : 'encrypted'
  }

  set(name: SecretName, value: string): void {
    if (!this.cipher.isEncryptionAvailable()) {
      throw new StudioError(
        'internal',
        'This system offers no encrypted storage for secrets (no keychain or keyring is available), so the secret was not kept.'
      )
    }
    this.write({ ...this.read(), [name]: this.cipher.encryptString(value).toString('base64') })
  }

  delete(name: SecretName): void {
    const entries = this.read()
    if (!(name in entries)) return
    delete entries[name]
    this.write(entries)
  }

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {}
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as unknown
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
      return Object.fromEntries(
        Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      )
    } catch {
      return {}
    }
  }

  /** Written aside then renamed, so a crash never leaves half a file. */
  private write(entries: Record<string, string>): void {
    mkdirSync(dirname(this.file), { recursive: true })
    const partial = `${this.file}.partial`
    writeFileSync(partial, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 })
    chmodSync(partial, 0o600)
    renameSync(partial, this.file)
  }
}
