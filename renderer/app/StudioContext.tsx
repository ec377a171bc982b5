import { createContext, useContext, type ReactNode } from 'react'
import { useStore, type StoreApi } from 'zustand'
import { integrationMatch } from '../../shared/engine/resolveMatch'
import type { StudioApi } from '../api/client'
import { createCaptureRateStore } from '../features/captures/captureRateStore'
import { createListenerStore } from '../features/captures/listenerStore'
import { createCapturesStore } from '../features/captures/store'
import { createDeliveriesStore } from '../features/deliveries/store'
import { createEventsStore } from '../features/events/store'
import { createIntegrationsStore } from '../features/integrations/store'
import { createListenerSettingsStore } from '../features/listener/store'
import { createMappingStore } from '../features/mapping/store'
import { createProjectStore } from '../features/projects/store'
import { createPublishStore } from '../features/publish/store'
import { createConnectionProfilesStore } from '../features/settings/store'
import { createTestsStore } from '../features/tests/store'
import { createCommandRegistry } from './commands'
import { createLeaveGate } from './leaveGate'
import { createNavigationStore } from './navigation'
import { createNotificationStore } from './notifications'
import { createSaveRecord } from './saveStatus'

/** Everything the screens share, built once at start from the api (a test builds it with a fake api). */
export function createStudioStores(api: StudioApi) {
  const notifications = createNotificationStore()
  const { reportError, withdraw } = notifications.getState()
  const events = createEventsStore(api, reportError, withdraw)
  const integrations = createIntegrationsStore(api, reportError, withdraw)
  return {
    api,
    notifications,
    commands: createCommandRegistry(),
    leave: createLeaveGate(),
    navigation: createNavigationStore(),
    project: createProjectStore(api),
    saveRecord: createSaveRecord(),
    events,
    integrations,
    listener: createListenerStore(api, reportError),
    listenerSettings: createListenerSettingsStore(api, reportError),
    captures: createCapturesStore(api, reportError),
    captureRate: createCaptureRateStore(api),
    profiles: createConnectionProfilesStore(api, reportError),
    deliveries: createDeliveriesStore(api, reportError),
    tests: createTestsStore(api, reportError),
    publish: createPublishStore(api, reportError, (message) => notifications.getState().notify('info', message)),
    mapping: createMappingStore(
      api,
      reportError,
      (mapping) => {
        // An `integration` match means the source names the integration's event-name map gives the mapping's event.
        if (mapping.match.kind === 'eventName') return mapping.match.sourceNames
        const integration = integrations.getState().integrations.find((entry) => entry.id === mapping.integrationId)
        const event = events.getState().events.find((entry) => entry.id === mapping.eventId)
        return integration && event ? integrationMatch(integration, event.name).sourceNames : []
      },
      {
        inform: (message, key) => notifications.getState().notify('info', message, key),
        withdraw: (key) => notifications.getState().withdraw(key)
      }
    )
  }
}

export type StudioStores = ReturnType<typeof createStudioStores>

const StudioContext = createContext<StudioStores | null>(null)

export function StudioProvider({ stores, children }: { stores: StudioStores; children: ReactNode }) {
  return <StudioContext.Provider value={stores}>{children}</StudioContext.Provider>
}

export function useStudio(): StudioStores {
  const stores = useContext(StudioContext)
  if (!stores) throw new Error('useStudio outside StudioProvider')
  return stores
}

/** Selects narrowly from one of the studio's stores. */
export function useStudioStore<S, T>(pick: (stores: StudioStores) => StoreApi<S>, selector: (state: S) => T): T {
  return useStore(pick(useStudio()), selector)
}
