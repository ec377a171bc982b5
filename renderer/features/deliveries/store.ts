import { createStore } from 'zustand/vanilla'
import type { StudioErrorInfo } from '../../../shared/api/result'
import type {
  Delivery,
  DeliveryStatus,
  RelayOverview,
  RelaySettings,
  RelaySettingsPatch
} from '../../../shared/model/relay'
import type { StudioApi } from '../../api/client'

type DeliveriesApi = Pick<
  StudioApi,
  | 'listDeliveries'
  | 'getRelayOverview'
  | 'listRelaySettings'
  | 'setRelaySettings'
  | 'retryDeliveries'
  | 'replayDeliveries'
>

export type StatusFilter = DeliveryStatus | 'all'

interface DeliveriesState {
  overview: RelayOverview | null
  settings: RelaySettings[]
  items: Delivery[]
  status: StatusFilter
  /** One integration's rows, or every integration's (null). */
  integrationId: string | null
  loaded: boolean
  /** The integration whose relay is being switched (its webhook ensured in Capillary). */
  switching: string | null
  load(): Promise<void>
  /** Only each integration's relay settings (the integration editor's switch). */
  loadSettings(): Promise<void>
  /** Main reported delivery changes (deliveriesChanged): take the overview, read the list again. */
  receive(overview: RelayOverview): void
  setStatus(status: StatusFilter): Promise<void>
  setIntegration(integrationId: string | null): Promise<void>
  setRelay(patch: RelaySettingsPatch): Promise<boolean>
  retry(ids: string[] | 'allDead'): Promise<void>
  replay(ids: string[]): Promise<void>
}

const pageSize = 200

/** The Deliveries screen: the relay's counts and chart, each integration's relay, and the outbox, filtered. */
export const createDeliveriesStore = (api: DeliveriesApi, onError: (error: StudioErrorInfo) => void) =>
  createStore<DeliveriesState>()((set, get) => {
    let listing = 0

    async function loadList(): Promise<void> {
      const ticket = (listing += 1)
      const { status, integrationId } = get()
      const result = await api.listDeliveries({
        limit: pageSize,
        ...(status === 'all' ? {} : { statuses: [status] }),
        ...(integrationId === null ? {} : { integrationId })
      })
      // A newer filter was asked for meanwhile: its answer wins.
      if (ticket !== listing) return
      if (result.ok) set({ items: result.value.items })
      else onError(result.error)
    }

    async function loadOverview(): Promise<void> {
      const [overview, settings] = await Promise.all([api.getRelayOverview(), api.listRelaySettings()])
      set({
        ...(overview.ok ? { overview: overview.value } : {}),
        ...(settings.ok ? { settings: settings.value } : {})
      })
    }

    return {
      overview: null,
      settings: [],
      items: [],
      status: 'all',
      integrationId: null,
      loaded: false,
      switching: null,

      async load() {
        await Promise.all([loadOverview(), loadList()])
        set({ loaded: true })
      },

      async loadSettings() {
        const settings = await api.listRelaySettings()
        if (settings.ok) set({ settings: settings.value })
      },

      receive(overview) {
        set({ overview })
        void loadList()
      },

      async setStatus(status) {
        set({ status })
        await loadList()
      },

      async setIntegration(integrationId) {
        set({ integrationId })
        await loadList()
      },

      async setRelay(patch) {
        set({ switching: patch.integrationId })
        const result = await api.setRelaySettings(patch)
        set({ switching: null })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        set({
          settings: get().settings.map((entry) => (entry.integrationId === patch.integrationId ? result.value : entry))
        })
        await loadOverview()
        return true
      },

      async retry(ids) {
        const result = await api.retryDeliveries(ids === 'allDead' ? { allDead: true } : { ids })
        if (!result.ok) onError(result.error)
        await get().load()
      },

      async replay(ids) {
        const result = await api.replayDeliveries({ ids })
        if (!result.ok) onError(result.error)
        await get().load()
      }
    }
  })
