import type { StudioStores } from './StudioContext'

/** Saves every pending autosave now: before another project opens, on Save, and when the page goes away. */
export async function flushEdits(stores: Pick<StudioStores, 'events' | 'integrations'>): Promise<void> {
  await Promise.all([
    stores.events.getState().flush(),
    stores.integrations.getState().flush(),
    stores.integrations.getState().flushWebhooks()
  ])
}
