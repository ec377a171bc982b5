import { render } from '@testing-library/react'
import { vi } from 'vitest'
import type { RequestName } from '../../../../shared/api/contract'
import { fail, ok, type Result } from '../../../../shared/api/result'
import type { AppInfo } from '../../../../shared/api/types'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { Notifications } from '../../../../renderer/app/Notifications'
import { SandboxOffer } from '../../../../renderer/features/settings/SandboxOffer'
import { SettingsScreen } from '../../../../renderer/features/settings/SettingsScreen'
import { fakeProfilesApi } from './fakeProfilesApi'

export const webAppInfo: AppInfo = {
  name: 'Capillary Mapping Studio',
  version: '0.1.0',
  mode: 'web',
  platform: 'linux',
  configDir: '/home/consultant/.config/Capillary Mapping Studio'
}

/** The Settings screen (and the sandbox offer) inside the studio's real stores, over a transport answered by fakes. */
export function renderSettings(options: Parameters<typeof fakeProfilesApi>[0] & { appInfo?: AppInfo } = {}) {
  const api = fakeProfilesApi(options)
  const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = {
    ...api,
    getProjectState: async () => ok({ project: null })
  }
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  const stores = createStudioStores(createStudioApi(transport))
  const view = render(
    <StudioProvider stores={stores}>
      <SettingsScreen appInfo={options.appInfo ?? webAppInfo} />
      <SandboxOffer />
      <Notifications />
    </StudioProvider>
  )
  return { api, stores, view }
}
