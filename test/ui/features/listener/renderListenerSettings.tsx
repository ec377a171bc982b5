import { render } from '@testing-library/react'
import { vi } from 'vitest'
import type { RequestName } from '../../../../shared/api/contract'
import { fail, ok, type Result } from '../../../../shared/api/result'
import type { OpenProject } from '../../../../shared/api/types'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { Notifications } from '../../../../renderer/app/Notifications'
import { CaptureRulesPanel } from '../../../../renderer/features/listener/CaptureRulesPanel'
import { ListenerSettingsSection } from '../../../../renderer/features/listener/ListenerSettingsSection'
import { fakeListenerSettingsApi } from './fakeListenerSettingsApi'

const project = (readOnly: boolean): OpenProject => ({
  path: '/tmp/Sample.capmap',
  name: 'Sample',
  readOnly,
  schemaVersion: 9,
  lastSavedAt: null
})

/**
 * Settings › Webhook listener, or one integration's Capture rules, inside the studio's real stores, over a transport
 * answered by in-memory fakes.
 */
export async function renderListenerSettings(
  options: Parameters<typeof fakeListenerSettingsApi>[0] & { part: 'settings' | 'rules'; readOnly?: boolean }
) {
  const api = fakeListenerSettingsApi(options)
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = {
    ...api,
    getProjectState: async () => ok({ project: project(options.readOnly ?? false) })
  }
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const stores = createStudioStores(createStudioApi(transport))
  await Promise.all([stores.project.getState().refresh(), stores.listener.getState().load()])
  const view = render(
    <StudioProvider stores={stores}>
      {options.part === 'settings' ? (
        <ListenerSettingsSection />
      ) : (
        <CaptureRulesPanel integrationId="i0" slug={options.slugs?.[0] ?? 'shop'} />
      )}
      <Notifications />
    </StudioProvider>
  )
  return { api, stores, view }
}
