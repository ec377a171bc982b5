import { createStore } from 'zustand/vanilla'
import type { Result, StudioErrorInfo } from '../../../shared/api/result'
import type {
  IntegrationCaptureSettings,
  ListenerSettingsPatch,
  ListenerSettingsView,
  Redaction,
  Retention,
  Verification
} from '../../../shared/model/listenerSettings'
import type { StudioApi } from '../../api/client'

type ListenerSettingsApi = Pick<
  StudioApi,
  'getListenerSettings' | 'setListenerSettings' | 'setIntegrationCaptureSettings' | 'setSigningSecret' | 'setRetention'
>

/** Which part of the settings a save is for, so only its form shows it busy or refused. */
export type SettingsPart =
  'listener' | 'unmatchedRetention' | `${'verification' | 'redaction' | 'secret' | 'retention'}:${string}`

interface ListenerSettingsState {
  /** As main last answered; null until loaded (or when no project is open). */
  view: ListenerSettingsView | null
  /** The parts being saved now. */
  saving: Partial<Record<SettingsPart, true>>
  /** Why main refused the last save of a part, in its words. */
  refusals: Partial<Record<SettingsPart, string>>
  /**
   * Forms changed and not saved yet (an integration's verification or redaction), kept while the user is elsewhere,
   * as an editor keeps an unsaved tab: the status bar counts them and leaving the project asks first.
   */
  drafts: Partial<Record<SettingsPart, object>>
  load(): Promise<void>
  /** Address, port, body limit: a running listener restarts on them. */
  saveListener(patch: ListenerSettingsPatch): Promise<boolean>
  saveVerification(integrationId: string, verification: Verification): Promise<boolean>
  saveRedaction(integrationId: string, redaction: Redaction): Promise<boolean>
  /** Keeps the signing secret in this studio's secret store (never the project); null forgets it. */
  setSecret(integrationId: string, secret: string | null): Promise<boolean>
  /** Sets a retention (null: the unmatched captures') and applies it at once; answers how many it deleted. */
  setRetention(integrationId: string | null, retention: Retention): Promise<number | null>
  clearRefusal(part: SettingsPart): void
  /** Keeps a form's unsaved draft; null when it is saved or back to what is saved. */
  keepDraft(part: SettingsPart, draft: object | null): void
  /** Another project was opened: its forms start from what it has saved. */
  forgetDrafts(): void
}

/** The integrations whose capture rules have unsaved changes, by id and name. */
export function integrationsWithDrafts(
  drafts: ListenerSettingsState['drafts'],
  integrations: readonly { id: string; name: string }[]
): { id: string; name: string }[] {
  const ids = new Set(
    Object.keys(drafts).flatMap((part) => (/^(verification|redaction):/.test(part) ? [part.replace(/^\w+:/, '')] : []))
  )
  return [...ids].map((id) => ({
    id,
    name: integrations.find((integration) => integration.id === id)?.name ?? 'an integration'
  }))
}

/** The capture rules main keeps for one integration, if it has them. */
export function rulesOf(view: ListenerSettingsView | null, integrationId: string): IntegrationCaptureSettings | null {
  return view?.integrations.find((entry) => entry.integrationId === integrationId) ?? null
}

/**
 * The project's listener settings and each integration's capture rules (verification, signing secret, redaction,
 * retention), as main keeps them. Every save answers main's whole view, which replaces this one; a refused save
 * keeps the form as typed and says why beside it.
 */
export const createListenerSettingsStore = (api: ListenerSettingsApi, onError: (error: StudioErrorInfo) => void) =>
  createStore<ListenerSettingsState>()((set, get) => {
    /** Runs one save of `part`: a validation refusal shows beside its form, any other error is reported. */
    async function save<T>(
      part: SettingsPart,
      call: () => Promise<Result<T>>,
      viewOf: (value: T) => ListenerSettingsView
    ) {
      if (get().saving[part]) return null
      set({ saving: { ...get().saving, [part]: true } })
      const result = await call()
      const { [part]: _done, ...saving } = get().saving
      const { [part]: _previous, ...refusals } = get().refusals
      if (result.ok) {
        set({ saving, view: viewOf(result.value), refusals })
        return result.value
      }
      const shownInForm = result.error.code === 'invalid_input' || result.error.code === 'conflict'
      set({ saving, refusals: shownInForm ? { ...refusals, [part]: result.error.message } : refusals })
      if (!shownInForm) onError(result.error)
      return null
    }
    const saveView = async (part: SettingsPart, call: () => Promise<Result<ListenerSettingsView>>) =>
      (await save(part, call, (view) => view)) !== null

    return {
      view: null,
      saving: {},
      refusals: {},
      drafts: {},
      async load() {
        const result = await api.getListenerSettings()
        set({ view: result.ok ? result.value : null })
      },
      saveListener: (patch) => saveView('listener', () => api.setListenerSettings(patch)),
      saveVerification: (integrationId, verification) =>
        saveView(`verification:${integrationId}`, () =>
          api.setIntegrationCaptureSettings({ integrationId, verification })
        ),
      saveRedaction: (integrationId, redaction) =>
        saveView(`redaction:${integrationId}`, () => api.setIntegrationCaptureSettings({ integrationId, redaction })),
      setSecret: (integrationId, secret) =>
        saveView(`secret:${integrationId}`, () => api.setSigningSecret({ integrationId, secret })),
      async setRetention(integrationId, retention) {
        const part: SettingsPart = integrationId === null ? 'unmatchedRetention' : `retention:${integrationId}`
        const saved = await save(
          part,
          () => api.setRetention({ integrationId, retention }),
          (value) => value.settings
        )
        return saved?.deleted ?? null
      },
      clearRefusal(part) {
        const { [part]: _cleared, ...refusals } = get().refusals
        set({ refusals })
      },
      keepDraft(part, draft) {
        const { [part]: _previous, ...drafts } = get().drafts
        set({ drafts: draft === null ? drafts : { ...drafts, [part]: draft } })
      },
      forgetDrafts: () => set({ drafts: {} })
    }
  })
