import { createStore } from 'zustand/vanilla'
import type { Integration, IntegrationDraft } from '../../../shared/model/integration'
import type { TransformerType, WebhookSettings } from '../../../shared/model/webhookSettings'
import type { StudioApi } from '../../api/client'
import { autosaveDelayMs } from '../../app/autosave'
import { createEditHistories } from '../../app/editHistory'
import { createHeldAutosave, createOutsideChanges } from '../../app/outsideChanges'
import { createKeptDrafts, type KeptDraft } from '../../app/keptDrafts'
import type { KeyedNotice } from '../../app/notifications'
import { checkIntegrationDraft } from './checkIntegrationDraft'
import { uniqueSlug } from './newIntegrationDraft'

type IntegrationsApi = Pick<
  StudioApi,
  | 'listIntegrations'
  | 'createIntegration'
  | 'updateIntegration'
  | 'deleteIntegration'
  | 'listWebhookSettings'
  | 'saveWebhookSettings'
>

/** `invalid`: the draft breaks a rule shown at its field, so it waits for a fix instead of being sent. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed' | 'invalid'

/** What the editor pane shows: the selected integration, or the project's Capillary webhooks. */
export type Panel = 'integration' | 'webhooks'

interface IntegrationsState {
  integrations: Integration[]
  /** One per transformer, as the project holds them (never-set ones read as defaults). */
  webhooks: WebhookSettings[]
  loaded: boolean
  panel: Panel
  selectedId: string | null
  /** The selected integration as it was when selected: what senders and Capillary may already know of it. */
  original: Integration | null
  /** Created in this visit: nobody can be sending to its listener path yet. */
  isNew: boolean
  /** The slug is still the one suggested from the name, and follows renames (new integrations, until edited). */
  slugFollowsName: boolean
  /** The selected integration as being edited; saved automatically shortly after each change. */
  draft: IntegrationDraft | null
  saveState: SaveState
  /** Webhook settings being edited, per transformer, until saved. */
  webhookDrafts: Partial<Record<TransformerType, WebhookSettings>>
  webhookSaveStates: Partial<Record<TransformerType, Exclude<SaveState, 'invalid'>>>
  /** Why the last save of a transformer's webhook settings was refused. */
  webhookErrors: Partial<Record<TransformerType, string>>
  /** Integrations whose changes are kept unsaved while the user is elsewhere (they break a rule). */
  keptDrafts: KeptDraft[]

  load(): Promise<void>
  select(id: string | null): Promise<void>
  showWebhooks(): Promise<void>
  create(draft: IntegrationDraft): Promise<Integration | null>
  /** Changes the draft; while the slug follows the name, a new name brings a new suggested slug. */
  edit(patch: Partial<IntegrationDraft>): void
  /** Saves a pending edit now (before switching, deleting or leaving). */
  /** The selected integration was changed outside its editor while it had unsaved edits: autosave waits for a choice. */
  changedOutside: boolean
  /** Of that choice: the user's edits, saved over the outside change. */
  keepMine(): Promise<void>
  /** Of that choice: the integration as it is now saved, the user's edits dropped. */
  takeSaved(): void
  flush(): Promise<void>
  remove(id: string): Promise<boolean>
  /** Another project is open: the kept drafts were the last project's. */
  forgetProject(): void
  /** The integrations whose drafts are kept, unsaved (they break a rule), while the user is elsewhere. */
  keptDraftNames(): string[]
  editWebhook(settings: WebhookSettings): void
  flushWebhooks(): Promise<void>
  canUndo: boolean
  canRedo: boolean
  undo(): void
  redo(): void
}

export const toDraft = (integration: Integration): IntegrationDraft => ({
  name: integration.name,
  slug: integration.slug,
  kind: integration.kind,
  sourceAccount: integration.sourceAccount,
  eventNameField: integration.eventNameField,
  eventNameMap: integration.eventNameMap
})

const byName = (a: Integration, b: Integration) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })

const noSelection = {
  selectedId: null,
  original: null,
  draft: null,
  isNew: false,
  slugFollowsName: false,
  saveState: 'saved',
  changedOutside: false
} as const

/**
 * The Integrations screen's store: the list, the selection with its autosaved draft, and the project's Capillary
 * webhook settings (autosaved per transformer). Every refusal from main is reported through `onError`.
 */
export const createIntegrationsStore = (
  api: IntegrationsApi,
  onError: (error: KeyedNotice) => void,
  withdrawNotice: (key: string) => void = () => undefined
) =>
  createStore<IntegrationsState>()((set, get) => {
    const webhookTimers = new Map<TransformerType, ReturnType<typeof setTimeout>>()
    let webhookSaving: Promise<void> = Promise.resolve()
    // A list that left main before one of our own writes landed is older than what we hold: it is ignored (the
    // write's integrationsChanged brings a fresh one).
    let integrationWrites = 0
    let webhookWrites = 0
    const histories = createEditHistories<IntegrationDraft>()
    const outside = createOutsideChanges()
    const syncHistoryFlags = () => set(histories.flags(get().selectedId))

    /** Takes a new draft (an edit, an undo or a redo): invalid drafts wait at the fields, valid ones autosave. */
    const applyDraft = (draft: IntegrationDraft, slugFollowsName: boolean) => {
      autosave.cancel()
      if (blockingProblem(draft, get().selectedId)) {
        set({ draft, slugFollowsName, saveState: 'invalid' })
      } else {
        set({ draft, slugFollowsName, saveState: 'pending' })
        autosave.schedule()
      }
      syncHistoryFlags()
    }

    const otherSlugs = (id: string | null) =>
      get()
        .integrations.filter((integration) => integration.id !== id)
        .map((integration) => integration.slug)

    /** What main refuses an integration for, against the others as listed now. */
    const blockingProblem = (draft: IntegrationDraft, id: string | null) => {
      const { integrations } = get()
      const saved = integrations.find((integration) => integration.id === id)
      return checkIntegrationDraft(draft, {
        otherSlugs: otherSlugs(id),
        otherNames: integrations.filter((integration) => integration.id !== id).map((integration) => integration.name),
        ...(saved ? { savedName: saved.name } : {})
      }).find((issue) => issue.severity === 'error')
    }

    const replace = (integration: Integration) => {
      integrationWrites += 1
      set((state) => ({
        integrations: [...state.integrations.filter((other) => other.id !== integration.id), integration].sort(byName)
      }))
    }

    const save = async () => {
      const { selectedId, draft, saveState } = get()
      if (!selectedId || !draft || (saveState !== 'pending' && saveState !== 'failed')) return
      set({ saveState: 'saving' })
      const result = await outside.own(api.updateIntegration({ id: selectedId, draft }))
      if (result.ok) {
        replace(result.value)
        // Edits made while this save travelled are still pending: keep them.
        if (get().saveState === 'saving') set({ saveState: 'saved' })
      } else {
        if (get().saveState === 'saving') set({ saveState: 'failed' })
        onError(result.error)
      }
    }

    const {
      autosave,
      flush,
      changedOutside: takeOutsideChange
    } = createHeldAutosave(save, get, (held) => set({ changedOutside: held }))

    /** Shows the integration as it is saved, its undo history (of another version) dropped. */
    const showSaved = (integration: Integration) => {
      histories.forget(integration.id)
      set({ original: integration, draft: toDraft(integration), saveState: 'saved', changedOutside: false })
    }

    const unsaved = createKeptDrafts<IntegrationDraft>(onError, withdrawNotice, (keptDrafts) => set({ keptDrafts }))

    /** Saves what can be saved; a draft that breaks a rule is kept for when the user comes back, and they are told. */
    const leaveSelection = async () => {
      const before = get()
      // The other integrations may have changed since the draft broke a rule (a slug freed): check it again.
      if (before.draft && before.saveState === 'invalid' && !blockingProblem(before.draft, before.selectedId))
        set({ saveState: 'pending' })
      await get().flush()
      const { draft, saveState, selectedId } = get()
      const problem = draft && saveState === 'invalid' ? blockingProblem(draft, selectedId) : undefined
      if (!draft || !problem || !selectedId) return
      const name = get().integrations.find((integration) => integration.id === selectedId)?.name ?? 'the integration'
      unsaved.keep(selectedId, draft, name, problem.message)
    }

    const saveWebhook = async (transformer: TransformerType) => {
      const settings = get().webhookDrafts[transformer]
      if (!settings) return
      set((state) => ({ webhookSaveStates: { ...state.webhookSaveStates, [transformer]: 'saving' } }))
      const result = await api.saveWebhookSettings({ settings })
      const stillLatest = get().webhookDrafts[transformer] === settings
      if (result.ok) {
        webhookWrites += 1
        set((state) => ({
          webhooks: result.value,
          webhookDrafts: stillLatest ? { ...state.webhookDrafts, [transformer]: undefined } : state.webhookDrafts,
          webhookSaveStates: stillLatest
            ? { ...state.webhookSaveStates, [transformer]: 'saved' }
            : state.webhookSaveStates
        }))
        return
      }
      onError(result.error)
      // Show what the project really holds, with the reason next to it.
      clearTimeout(webhookTimers.get(transformer))
      set((state) => ({
        webhookDrafts: { ...state.webhookDrafts, [transformer]: undefined },
        webhookSaveStates: { ...state.webhookSaveStates, [transformer]: 'failed' },
        webhookErrors: { ...state.webhookErrors, [transformer]: result.error.message }
      }))
    }

    const flushWebhook = (transformer: TransformerType) => {
      clearTimeout(webhookTimers.get(transformer))
      webhookTimers.delete(transformer)
      if (get().webhookDrafts[transformer]) webhookSaving = webhookSaving.then(() => saveWebhook(transformer))
      return webhookSaving
    }

    return {
      integrations: [],
      webhooks: [],
      loaded: false,
      panel: 'integration',
      ...noSelection,
      webhookDrafts: {},
      webhookSaveStates: {},
      webhookErrors: {},
      keptDrafts: [],
      canUndo: false,
      canRedo: false,

      async load() {
        const startedAt = { integrations: integrationWrites, webhooks: webhookWrites }
        const [integrations, webhooks] = await Promise.all([api.listIntegrations(), api.listWebhookSettings()])
        if (!integrations.ok || !webhooks.ok) {
          const error = !integrations.ok ? integrations.error : !webhooks.ok ? webhooks.error : undefined
          // Without a project there is nothing to list: that is the welcome screen, not an error.
          if (error && error.code !== 'no_project') onError(error)
          autosave.cancel()
          set({ integrations: [], webhooks: [], loaded: true, ...noSelection })
          return
        }
        if (startedAt.webhooks === webhookWrites) set({ webhooks: webhooks.value })
        if (startedAt.integrations !== integrationWrites) return set({ loaded: true })
        const selected = integrations.value.find((integration) => integration.id === get().selectedId)
        if (!selected) autosave.cancel()
        const before = get().integrations.find((integration) => integration.id === selected?.id)
        const changedOutside = outside.changed(before, selected, toDraft)
        set({
          integrations: [...integrations.value].sort(byName),
          loaded: true,
          ...(selected ? {} : noSelection)
        })
        // Changed outside the editor (a bundle merged, another window): never saved over unseen.
        if (selected && changedOutside) takeOutsideChange(() => showSaved(selected))
        syncHistoryFlags()
      },

      async select(id) {
        // Coming back from the webhooks to the same integration keeps its draft and what is known of it.
        if (id !== null && id === get().selectedId) return set({ panel: 'integration' })
        await leaveSelection()
        const integration = get().integrations.find((candidate) => candidate.id === id)
        const kept = integration ? unsaved.take(integration.id) : undefined
        set({
          ...noSelection,
          panel: 'integration',
          ...(integration ? { selectedId: integration.id, original: integration, draft: toDraft(integration) } : {})
        })
        if (kept) applyDraft(kept, false)
        syncHistoryFlags()
      },

      async showWebhooks() {
        await get().flush()
        set({ panel: 'webhooks' })
      },

      async create(draft) {
        await leaveSelection()
        const result = await api.createIntegration({ draft })
        if (!result.ok) {
          onError(result.error)
          return null
        }
        replace(result.value)
        set({
          ...noSelection,
          panel: 'integration',
          selectedId: result.value.id,
          original: result.value,
          draft: toDraft(result.value),
          isNew: true,
          slugFollowsName: true
        })
        syncHistoryFlags()
        return result.value
      },

      edit(patch) {
        const { draft: current, selectedId } = get()
        if (!current || !selectedId) return
        let slugFollowsName = get().slugFollowsName && patch.slug === undefined
        const draft = { ...current, ...patch }
        if (slugFollowsName && patch.name !== undefined) draft.slug = uniqueSlug(patch.name, otherSlugs(selectedId))
        if (patch.slug !== undefined) slugFollowsName = false
        histories.record(selectedId, current, Date.now(), Object.keys(patch).sort().join(','))
        applyDraft(draft, slugFollowsName)
      },

      undo() {
        const { draft, selectedId } = get()
        const restored = draft && selectedId ? histories.undo(selectedId, draft) : undefined
        if (restored) applyDraft(restored, false)
      },

      redo() {
        const { draft, selectedId } = get()
        const restored = draft && selectedId ? histories.redo(selectedId, draft) : undefined
        if (restored) applyDraft(restored, false)
      },

      flush,
      keepMine: flush,
      takeSaved() {
        const saved = get().integrations.find((integration) => integration.id === get().selectedId)
        if (saved) showSaved(saved)
        syncHistoryFlags()
      },

      forgetProject() {
        unsaved.clear()
      },

      keptDraftNames: () => unsaved.names(),

      async remove(id) {
        if (get().selectedId === id) {
          autosave.cancel()
          // What is deleted needs no saving; a save already travelling lands first.
          if (get().saveState !== 'saving') set({ saveState: 'saved' })
          await autosave.settled()
        }
        const result = await api.deleteIntegration({ id })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        integrationWrites += 1
        histories.forget(id)
        unsaved.drop(id)
        set((state) => ({
          integrations: state.integrations.filter((integration) => integration.id !== id),
          ...(state.selectedId === id ? noSelection : {})
        }))
        syncHistoryFlags()
        return true
      },

      editWebhook(settings) {
        const { transformer } = settings
        set((state) => ({
          webhookDrafts: { ...state.webhookDrafts, [transformer]: settings },
          webhookSaveStates: { ...state.webhookSaveStates, [transformer]: 'pending' },
          webhookErrors: { ...state.webhookErrors, [transformer]: undefined }
        }))
        clearTimeout(webhookTimers.get(transformer))
        webhookTimers.set(
          transformer,
          setTimeout(() => void flushWebhook(transformer), autosaveDelayMs)
        )
      },

      async flushWebhooks() {
        await Promise.all([...webhookTimers.keys()].map(flushWebhook))
        await webhookSaving
      }
    }
  })

export type IntegrationsStore = ReturnType<typeof createIntegrationsStore>
