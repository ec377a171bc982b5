import { integrationsWithDrafts } from '../features/listener/store'
import type { StudioStores } from './StudioContext'

type EditingStores = Pick<StudioStores, 'events' | 'integrations' | 'mapping' | 'listenerSettings'>

const notSaved = (state: string) => state === 'invalid' || state === 'failed'

/**
 * What would be lost if the project were left now, in a sentence; undefined when nothing would. Read after the
 * autosaves were flushed: what is left is what cannot be saved (a draft that breaks a rule, a save refused), open
 * or kept while the user is elsewhere.
 */
export function unsavedChanges(stores: EditingStores): string | undefined {
  const events = stores.events.getState()
  const integrations = stores.integrations.getState()
  const mapping = stores.mapping.getState()
  const openEvent = events.events.find((event) => event.id === events.selectedId)
  const openIntegration = integrations.integrations.find((integration) => integration.id === integrations.selectedId)
  const names = [
    ...(openEvent && notSaved(events.saveState) ? [openEvent.name] : []),
    ...events.keptDraftNames(),
    ...(openIntegration && notSaved(integrations.saveState) ? [openIntegration.name] : []),
    ...integrations.keptDraftNames(),
    ...(mapping.selectedId && notSaved(mapping.saveState) ? ['the open mapping'] : [])
  ]
  const rules = integrationsWithDrafts(stores.listenerSettings.getState().drafts, integrations.integrations).map(
    (integration) => integration.name
  )
  if (names.length === 0 && rules.length === 0) return undefined
  const sentences = [
    names.length > 0
      ? `Your changes to ${listed(names)} are not saved: they break a rule, or their save was refused.`
      : '',
    rules.length > 0
      ? `The capture rules changed for ${listed(rules)} are not saved (they save with their button).`
      : ''
  ]
  return `${sentences.filter(Boolean).join(' ')} Leaving loses them.`
}

function listed(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}
