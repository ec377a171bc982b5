import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatcher, type Dispatch } from '../../../../main/api/dispatcher'
import { createHandlers } from '../../../../main/api/handlers'
import { basicAuthorization, md5Hex } from '../../../../main/capillary/client/basicAuthorization'
import { startSandbox, type RunningSandbox } from '../../../../main/capillary/sandbox/startSandbox'
import { connectionProfilesFileName } from '../../../../main/platform/ConnectionProfiles'
import { EnvironmentSecretStore } from '../../../../main/secrets/EnvironmentSecretStore'
import { SafeStorageSecretStore, type StringCipher } from '../../../../main/secrets/SafeStorageSecretStore'
import type { SecretStore } from '../../../../main/secrets/SecretStore'
import { createStudio, type Studio } from '../../../../main/services/createStudio'
import type { Result } from '../../../../shared/api/result'
import type {
  ConnectionProfileDraft,
  ConnectionProfileView,
  ConnectionVerdict
} from '../../../../shared/model/connectionProfile'
import { createTemporaryFolder } from '../../support/temporaryFolder'
import { recordingLogger } from './capillaryTestKit'

const password = 'Brand-Till-Pa55'
const oauthSecret = 'Brand-OAuth-S3cret'

let folder: ReturnType<typeof createTemporaryFolder>
let sandbox: RunningSandbox
let logger: ReturnType<typeof recordingLogger>
const studios: Studio[] = []

const studioWith = (secrets: SecretStore = new EnvironmentSecretStore({})) => {
  const studio = createStudio({
    configDir: join(folder.path, 'config'),
    mode: 'web',
    version: 'test',
    logger,
    secrets,
    listener: { autoStart: false }
  })
  studios.push(studio)
  return { studio, dispatch: createDispatcher(createHandlers(studio), logger) }
}

const value = <T>(result: Result<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

const draft = (overrides: Partial<ConnectionProfileDraft> = {}): ConnectionProfileDraft => ({
  name: 'Brand test org',
  cluster: 'custom',
  customBaseUrl: sandbox.baseUrl,
  orgId: '1000',
  auth: 'basic',
  tillCode: 'brand.till',
  oauthKey: '',
  proxyUrl: '',
  caCertificatesFile: '',
  timeoutSeconds: 5,
  ...overrides
})

const save = async (dispatch: Dispatch, input: Record<string, unknown>) =>
  value<ConnectionProfileView>(await dispatch('saveConnectionProfile', input))

const test = async (dispatch: Dispatch, id: string) =>
  value<ConnectionVerdict>(await dispatch('testConnectionProfile', { id }))

beforeEach(async () => {
  folder = createTemporaryFolder('profiles')
  logger = recordingLogger()
  sandbox = await startSandbox({
    credentials: { basic: [{ tillCode: 'brand.till', password }], oauth: [{ key: 'brand-key', secret: oauthSecret }] }
  })
})

afterEach(async () => {
  for (const studio of studios.splice(0)) {
    await studio.capillary.localSandbox.stop()
    studio.session.close()
  }
  await sandbox.close()
  folder.remove()
})

describe('connection profiles', () => {
  it('are kept in the config folder, without their secret, and read by another studio (the CLI) too', async () => {
    const { dispatch } = studioWith()
    const saved = await save(dispatch, { draft: draft(), secret: password })
    expect(saved).toMatchObject({ name: 'Brand test org', secret: 'session' })
    const file = readFileSync(join(folder.path, 'config', connectionProfilesFileName), 'utf8')
    expect(JSON.parse(file).profiles[0]).toMatchObject({
      id: saved.id,
      tillCode: 'brand.till',
      customBaseUrl: sandbox.baseUrl
    })
    expect(file).not.toContain(password)
    const other = studioWith()
    const [listed] = value<ConnectionProfileView[]>(await other.dispatch('listConnectionProfiles', {}))
    // The secret typed in one web studio stays in that studio's memory.
    expect(listed).toMatchObject({ id: saved.id, secret: 'missing' })
  })

  it('refuse a draft that breaks a rule, naming it', async () => {
    const { dispatch } = studioWith()
    const result = await dispatch('saveConnectionProfile', { draft: draft({ orgId: 'brand' }) })
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'The org id is a number, as InTouch shows it (e.g. 100737).' }
    })
    const duplicate = await save(dispatch, { draft: draft() })
    const again = await dispatch('saveConnectionProfile', { draft: draft({ name: 'brand TEST org' }) })
    expect(again.ok).toBe(false)
    expect(duplicate.name).toBe('Brand test org')
  })

  it('take their secret from CAPMAP_PASSWORD outside the app', async () => {
    const { dispatch } = studioWith(new EnvironmentSecretStore({ CAPMAP_PASSWORD: password }))
    const saved = await save(dispatch, { draft: draft() })
    expect(saved.secret).toBe('environment')
    expect((await test(dispatch, saved.id)).ok).toBe(true)
  })

  it('take the OAuth key and secret from CAPMAP_OAUTH_KEY and CAPMAP_OAUTH_SECRET', async () => {
    const secrets = new EnvironmentSecretStore({ CAPMAP_OAUTH_KEY: 'brand-key', CAPMAP_OAUTH_SECRET: oauthSecret })
    const { dispatch } = studioWith(secrets)
    const saved = await save(dispatch, { draft: draft({ auth: 'oauth', tillCode: '' }) })
    expect(saved).toMatchObject({ secret: 'environment', oauthKey: '' })
    const verdict = await test(dispatch, saved.id)
    expect(verdict.summary).toBe(
      `Connected to org 1000 on ${sandbox.baseUrl} as the OAuth client: 0 events, 0 published.`
    )
  })

  it('keep a secret encrypted in the app (safeStorage), marked as stored', async () => {
    const cipher: StringCipher = {
      isEncryptionAvailable: () => true,
      encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
      decryptString: (encrypted) => Buffer.from(encrypted).reverse().toString('utf8')
    }
    const store = new SafeStorageSecretStore(cipher, join(folder.path, 'config', 'secrets.json'))
    const { dispatch } = studioWith(store)
    const saved = await save(dispatch, { draft: draft(), secret: password })
    expect(saved.secret).toBe('stored')
    expect(readFileSync(join(folder.path, 'config', 'secrets.json'), 'utf8')).not.toContain(password)
    expect((await test(dispatch, saved.id)).ok).toBe(true)
  })

  it('forget their secrets when deleted, and the other scheme’s secret when the scheme changes', async () => {
    const secrets = new EnvironmentSecretStore({})
    const { dispatch } = studioWith(secrets)
    const saved = await save(dispatch, { draft: draft(), secret: password })
    const switched = await save(dispatch, {
      id: saved.id,
      draft: draft({ auth: 'oauth', oauthKey: 'brand-key' }),
      secret: oauthSecret
    })
    expect(secrets.get(`capillary/${saved.id}/password`)).toBeUndefined()
    expect(switched.secret).toBe('session')
    value(await dispatch('deleteConnectionProfile', { id: saved.id }))
    expect(secrets.get(`capillary/${saved.id}/oauthSecret`)).toBeUndefined()
    expect(value<unknown[]>(await dispatch('listConnectionProfiles', {}))).toEqual([])
    expect((await dispatch('deleteConnectionProfile', { id: saved.id })).ok).toBe(false)
  })

  it('say plainly when their file cannot be read', async () => {
    const { dispatch } = studioWith()
    await save(dispatch, { draft: draft() })
    writeFileSync(join(folder.path, 'config', connectionProfilesFileName), '{ not json')
    const result = await dispatch('listConnectionProfiles', {})
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error.message).toMatch(
      /^The connection profiles in .* cannot be read .*Fix or remove that file\.$/
    )
  })
})

describe('"Test connection"', () => {
  it('connects with Basic auth and says so plainly', async () => {
    const { dispatch } = studioWith()
    const saved = await save(dispatch, { draft: draft(), secret: password })
    const verdict = await test(dispatch, saved.id)
    expect(verdict).toMatchObject({
      ok: true,
      summary: `Connected to org 1000 on ${sandbox.baseUrl} as till brand.till: 0 events, 0 published.`
    })
    expect(verdict.steps.map((step) => step.ok)).toEqual([true, true])
  })

  it('reports a wrong password plainly, with what to check', async () => {
    const { dispatch } = studioWith()
    const saved = await save(dispatch, { draft: draft(), secret: 'not-the-password' })
    const verdict = await test(dispatch, saved.id)
    expect(verdict.ok).toBe(false)
    expect(verdict.summary).toBe('Not connected: wrong till code or password.')
    expect(verdict.detail).toBe(
      'Capillary refused GET /v2/events: the till code and password were refused (HTTP 401): ' +
        '“Please check your username/password or authentication token”. Check the till code and its password in ' +
        "the connection profile (Capillary checks the password's MD5), and that Basic auth is enabled for the org."
    )
  })

  it('reports a wrong OAuth secret plainly', async () => {
    const { dispatch } = studioWith()
    const saved = await save(dispatch, { draft: draft({ auth: 'oauth', oauthKey: 'brand-key' }), secret: 'wrong' })
    const verdict = await test(dispatch, saved.id)
    expect(verdict.summary).toBe('Not connected: wrong OAuth key or secret.')
    expect(verdict.detail).toMatch(/^Capillary could not generate an OAuth token \(HTTP 401\)/)
  })

  it('says where to give a password that is missing, without calling Capillary', async () => {
    const { dispatch } = studioWith()
    const saved = await save(dispatch, { draft: draft() })
    const verdict = await test(dispatch, saved.id)
    expect(verdict).toMatchObject({
      ok: false,
      summary: 'Not connected: no password yet.',
      detail:
        'No password for till brand.till yet: enter it in the profile (kept for this session), or set CAPMAP_PASSWORD.'
    })
    expect(sandbox.requests()).toEqual([])
  })

  it('tells an org id the credentials do not belong to', async () => {
    const { dispatch } = studioWith()
    const saved = await save(dispatch, { draft: draft({ orgId: '4242' }), secret: password })
    const verdict = await test(dispatch, saved.id)
    expect(verdict.summary).toBe('Not connected: org 4242 does not match these credentials.')
    expect(verdict.detail).toBe(
      `Signed in to ${sandbox.baseUrl} as till brand.till, but the credentials belong to another org. Check the org id.`
    )
  })

  it('says nothing answers at a base URL where nothing listens', async () => {
    const { dispatch } = studioWith()
    const saved = await save(dispatch, { draft: draft({ customBaseUrl: 'http://127.0.0.1:9' }), secret: password })
    expect(await test(dispatch, saved.id)).toMatchObject({
      summary: 'Not connected: Capillary could not be reached.',
      detail:
        'Nothing answers at http://127.0.0.1:9 (connection refused). Check the base URL of the connection profile; ' +
        'for a local sandbox, start it first (capmap sandbox).'
    })
  })

  it('never writes a secret to the studio’s log, whatever happened', async () => {
    const { dispatch } = studioWith()
    const good = await save(dispatch, { draft: draft(), secret: password })
    const bad = await save(dispatch, {
      draft: draft({ name: 'Wrong', auth: 'oauth', oauthKey: 'brand-key' }),
      secret: oauthSecret
    })
    await test(dispatch, good.id)
    await test(dispatch, bad.id)
    expect(logger.lines.length).toBeGreaterThan(3)
    const log = logger.lines.join('\n')
    for (const secret of [password, md5Hex(password), basicAuthorization('brand.till', password), oauthSecret]) {
      expect(log).not.toContain(secret)
    }
  })
})

describe('the local sandbox inside the studio', () => {
  const sampleStudio = () => {
    const built = studioWith()
    built.studio.newProject(join(folder.path, 'Sample.capmap'), true)
    return built
  }
  // Any free port, so tests never fight over the studio's default one.
  const startLocal = (studio: Studio) => studio.capillary.localSandbox.start({ port: 0 })

  it('is offered on first start with the sample project, until a profile exists or the offer is dismissed', async () => {
    const { dispatch } = sampleStudio()
    expect(value(await dispatch('getLocalSandbox', {}))).toEqual({
      running: false,
      baseUrl: null,
      profileId: null,
      offer: true
    })
    value(await dispatch('dismissSandboxOffer', {}))
    expect(value<{ offer: boolean }>(await dispatch('getLocalSandbox', {})).offer).toBe(false)
  })

  it('is not offered with another project', async () => {
    const { studio, dispatch } = studioWith()
    studio.newProject(join(folder.path, 'Brand.capmap'), false)
    expect(value<{ offer: boolean }>(await dispatch('getLocalSandbox', {})).offer).toBe(false)
  })

  it('starts in the studio’s process with a profile that connects, and stops', async () => {
    const { studio, dispatch } = sampleStudio()
    const state = await startLocal(studio)
    expect(state).toMatchObject({
      running: true,
      offer: false,
      baseUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/)
    })
    const [profile] = value<ConnectionProfileView[]>(await dispatch('listConnectionProfiles', {}))
    expect(profile).toMatchObject({
      id: state.profileId,
      name: 'Local sandbox',
      customBaseUrl: state.baseUrl,
      tillCode: 'sandbox.till',
      secret: 'session'
    })
    expect((await test(dispatch, profile!.id)).ok).toBe(true)
    expect(value(await dispatch('stopLocalSandbox', {}))).toMatchObject({ running: false, baseUrl: null })
    expect((await test(dispatch, profile!.id)).detail).toMatch(/^Nothing answers at/)
  })

  it('says, in the next studio, that its sandbox is not running rather than that a password is missing', async () => {
    const { studio } = sampleStudio()
    const { profileId } = await startLocal(studio)
    await studio.capillary.localSandbox.stop()
    studio.session.close()
    // The next studio: the profile is kept in the config folder, the sandbox's password was held in memory.
    const { dispatch } = studioWith()
    expect(await test(dispatch, profileId!)).toMatchObject({
      ok: false,
      detail:
        'The local sandbox is not running (it stops with the studio): start it in Settings › Connection profiles, ' +
        'then try again.'
    })
  })

  it('points the same profile at it again on the next start', async () => {
    const { studio } = sampleStudio()
    const first = await startLocal(studio)
    await studio.capillary.localSandbox.stop()
    const second = await startLocal(studio)
    expect(second.profileId).toBe(first.profileId)
    expect(studio.capillary.profiles.list()).toHaveLength(1)
    expect(studio.capillary.profiles.list()[0]?.customBaseUrl).toBe(second.baseUrl)
  })
})
