import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CapillaryClient } from '../../../main/capillary/client/CapillaryClient'
import type { RunningSandbox } from '../../../main/capillary/sandbox/startSandbox'
import type { Studio } from '../../../main/services/createStudio'
import type { WebhookAuth } from '../../../shared/model/webhookSettings'
import { createTemporaryFolder } from '../support/temporaryFolder'
import { eventId, publishAndCollect, publishStudio, quickSandbox, sandboxProfile } from './publishHarness'

const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/**
 * An org whose Custom webhook exists already, its uniqueness check off, and the sample project asking for the check
 * with `projectAuth` as its webhook's auth.
 */
async function orgWithUncheckedWebhook(orgAuth: WebhookAuth, projectAuth: WebhookAuth) {
  const sandbox: RunningSandbox = await quickSandbox()
  cleanups.push(() => sandbox.close())
  const client = new CapillaryClient({
    baseUrl: sandbox.baseUrl,
    credentials: { scheme: 'basic', tillCode: 'sandbox.till', password: 'sandbox' },
    retry: { maxAttempts: 1 }
  })
  await client.createWebhook({
    transformerType: 'defaultTransformer',
    tillCode: 'sandbox.till',
    authEnabled: orgAuth !== 'none',
    ...(orgAuth !== 'none' ? { authMechanism: orgAuth } : {})
  })
  const folder = createTemporaryFolder('webhook-uniqueness')
  const studio: Studio = publishStudio(folder.path)
  studio.newProject(join(folder.path, 'Shop.capmap'), true)
  cleanups.push(async () => {
    studio.session.close()
    await client.close()
    folder.remove()
  })
  studio.integrations.saveWebhookSettings({
    transformer: 'defaultTransformer',
    tillCode: 'sandbox.till',
    auth: projectAuth,
    uniquenessCheckEnabled: true
  })
  const orgWebhook = async () => (await client.listWebhooks())[0]
  return { studio, sandbox, profileId: sandboxProfile(studio, sandbox, 'UAT sandbox'), orgWebhook }
}

describe("turning on the uniqueness check of the org's webhook, as the project asks", () => {
  it('plans a PUT that keeps its till and auth, and publishing makes it', async () => {
    const { studio, profileId, orgWebhook } = await orgWithUncheckedWebhook('none', 'BASIC')
    const reserved = eventId(studio, 'be_reserved')
    const plan = await studio.publish.plan({ profileId, eventIds: [reserved] })
    const put = plan.events[0]?.requests.find((request) => request.method === 'PUT' && request.step === 'webhook')
    expect(put?.body).toEqual({
      transformerType: 'defaultTransformer',
      tillCode: 'sandbox.till',
      authEnabled: false,
      uniquenessCheckEnabled: true,
      webHookUri: (await orgWebhook())?.webHookUri
    })
    const { finals } = await publishAndCollect(studio, profileId, [reserved])
    expect(finals[0]?.verdict).toMatchObject({ ok: true })
    expect(await orgWebhook()).toMatchObject({ uniquenessCheckEnabled: true, authEnabled: false })
  })

  it('warns instead when the webhook has auth, whose scheme Capillary does not say, whatever the project says', async () => {
    const { studio, sandbox, profileId, orgWebhook } = await orgWithUncheckedWebhook('OAUTH', 'BASIC')
    const plan = await studio.publish.plan({ profileId, eventIds: [eventId(studio, 'be_reserved')] })
    expect(plan.events[0]?.requests.some((request) => request.method === 'PUT' && request.step === 'webhook')).toBe(
      false
    )
    // The dry run says the scheme it shows is assumed: Capillary's listing does not give it.
    expect(plan.events[0]?.integrations[0]?.webhook).toMatchObject({ auth: 'BASIC', authAssumed: true })
    expect(plan.events[0]?.warnings).toContainEqual(
      expect.stringContaining("The project asks the org's defaultTransformer webhook to check uniqueness")
    )
    // Publishing leaves it as it is: its OAuth senders keep working.
    await publishAndCollect(studio, profileId, [eventId(studio, 'be_reserved')])
    expect(await orgWebhook()).toMatchObject({ uniquenessCheckEnabled: false })
    expect(sandbox.requests().some((entry) => entry.method === 'PUT' && entry.path === '/v2/events/webhook')).toBe(
      false
    )
  })
})
