import { ok } from '../../../../shared/api/result'
import type { OpenProject } from '../../../../shared/api/types'
import { Notifications } from '../../../../renderer/app/Notifications'
import { CaptureRulesPanel } from '../../../../renderer/features/listener/CaptureRulesPanel'
import { ListenerSettingsSection } from '../../../../renderer/features/listener/ListenerSettingsSection'
import { renderInStudio } from '../../support/renderInStudio'
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
  const stores = await renderInStudio(
    { ...api, getProjectState: async () => ok({ project: project(options.readOnly ?? false) }) },
    <>
      {options.part === 'settings' ? (
        <ListenerSettingsSection />
      ) : (
        <CaptureRulesPanel integrationId="i0" slug={options.slugs?.[0] ?? 'shop'} />
      )}
      <Notifications />
    </>,
    async (prepared) => {
      await Promise.all([prepared.project.getState().refresh(), prepared.listener.getState().load()])
    }
  )
  return { api, stores }
}
