import { worstSaveState } from './saveStatus'
import type { StudioStores } from './StudioContext'

type EditingStores = Pick<StudioStores, 'events' | 'integrations' | 'mapping' | 'project' | 'saveRecord'>

/**
 * Saves every pending autosave now: before another project opens, on Save, and when the page goes away. When all is
 * saved, the status bar confirms it ("Saved · <time>"), so Save Now is never met with silence.
 */
export async function flushEdits(stores: EditingStores): Promise<void> {
  await Promise.all([
    stores.events.getState().flush(),
    stores.integrations.getState().flush(),
    stores.integrations.getState().flushWebhooks(),
    stores.mapping.getState().flush()
  ])
  const projectPath = stores.project.getState().project?.path
  const states = [stores.events, stores.integrations, stores.mapping].map((store) => store.getState().saveState)
  if (projectPath && worstSaveState(states) === 'saved') stores.saveRecord.getState().confirmed(projectPath, Date.now())
}
