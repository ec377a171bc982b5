import { createStore } from 'zustand/vanilla'
import type { StudioErrorInfo } from '../../../shared/api/result'
import {
  connectionProfileProblems,
  type ConnectionProfileDraft,
  type ConnectionProfileView,
  type ConnectionVerdict,
  type LocalSandboxState
} from '../../../shared/model/connectionProfile'
import type { StudioApi } from '../../api/client'

type ProfilesApi = Pick<
  StudioApi,
  | 'listConnectionProfiles'
  | 'saveConnectionProfile'
  | 'deleteConnectionProfile'
  | 'testConnectionProfile'
  | 'getLocalSandbox'
  | 'startLocalSandbox'
  | 'stopLocalSandbox'
  | 'dismissSandboxOffer'
>

/** The profile form: a new profile (no id) or an existing one, with the secret typed in this visit only. */
export interface ProfileForm {
  id: string | null
  draft: ConnectionProfileDraft
  /** The password or OAuth secret typed in the form: sent once when saving, then forgotten here. */
  secret: string
  /** The user tried to save: every problem shows, not only those of fields already edited. */
  submitted: boolean
  touched: (keyof ConnectionProfileDraft)[]
  /** Why main refused the last save. */
  refusal: string | null
}

interface ConnectionProfilesState {
  profiles: ConnectionProfileView[]
  loaded: boolean
  sandbox: LocalSandboxState | null
  form: ProfileForm | null
  saving: boolean
  /** The last verdict of "Test connection", per profile. */
  verdicts: Record<string, ConnectionVerdict>
  testing: Record<string, boolean>
  sandboxBusy: boolean
  load(): Promise<void>
  openNew(): void
  openEdit(id: string): void
  edit(patch: Partial<ConnectionProfileDraft>): void
  editSecret(secret: string): void
  closeForm(): void
  /** Saves the form; the profile saved, or null when a rule or main refused it (the form says why). */
  save(): Promise<ConnectionProfileView | null>
  remove(id: string): Promise<boolean>
  test(id: string): Promise<ConnectionVerdict | null>
  startSandbox(): Promise<LocalSandboxState | null>
  stopSandbox(): Promise<void>
  dismissOffer(): Promise<void>
}

export const newProfileDraft = (): ConnectionProfileDraft => ({
  name: '',
  cluster: 'eu',
  customBaseUrl: '',
  orgId: '',
  auth: 'basic',
  tillCode: '',
  oauthKey: '',
  proxyUrl: '',
  caCertificatesFile: '',
  timeoutSeconds: 30
})

const toDraft = (profile: ConnectionProfileView): ConnectionProfileDraft => ({
  name: profile.name,
  cluster: profile.cluster,
  customBaseUrl: profile.customBaseUrl,
  orgId: profile.orgId,
  auth: profile.auth,
  tillCode: profile.tillCode,
  oauthKey: profile.oauthKey,
  proxyUrl: profile.proxyUrl,
  caCertificatesFile: profile.caCertificatesFile,
  timeoutSeconds: profile.timeoutSeconds
})

/** The problems of the form the user should see now: all of them after a save attempt, else those of edited fields. */
export function visibleProblems(form: ProfileForm, profiles: readonly ConnectionProfileView[]) {
  const others = profiles.filter((profile) => profile.id !== form.id).map((profile) => profile.name)
  const problems = connectionProfileProblems(form.draft, others)
  if (form.submitted) return problems
  return Object.fromEntries(
    Object.entries(problems).filter(([field]) => form.touched.includes(field as keyof ConnectionProfileDraft))
  ) as typeof problems
}

/**
 * The Settings screen's connection profiles: the list from main (the config folder), the add/edit form, each
 * profile's last test verdict, and the local sandbox. Secrets only pass through: typed, sent once, forgotten.
 */
export const createConnectionProfilesStore = (api: ProfilesApi, onError: (error: StudioErrorInfo) => void) =>
  createStore<ConnectionProfilesState>()((set, get) => ({
    profiles: [],
    loaded: false,
    sandbox: null,
    form: null,
    saving: false,
    verdicts: {},
    testing: {},
    sandboxBusy: false,

    async load() {
      const [profiles, sandbox] = await Promise.all([api.listConnectionProfiles(), api.getLocalSandbox()])
      if (!profiles.ok) onError(profiles.error)
      set({
        profiles: profiles.ok ? profiles.value : get().profiles,
        sandbox: sandbox.ok ? sandbox.value : get().sandbox,
        loaded: true
      })
    },

    openNew() {
      set({
        form: { id: null, draft: newProfileDraft(), secret: '', submitted: false, touched: [], refusal: null }
      })
    },

    openEdit(id) {
      const profile = get().profiles.find((candidate) => candidate.id === id)
      if (!profile) return
      set({ form: { id, draft: toDraft(profile), secret: '', submitted: false, touched: [], refusal: null } })
    },

    edit(patch) {
      const form = get().form
      if (!form) return
      const touched = [...new Set([...form.touched, ...(Object.keys(patch) as (keyof ConnectionProfileDraft)[])])]
      set({ form: { ...form, draft: { ...form.draft, ...patch }, touched, refusal: null } })
    },

    editSecret(secret) {
      const form = get().form
      if (form) set({ form: { ...form, secret, refusal: null } })
    },

    closeForm() {
      set({ form: null })
    },

    async save() {
      const form = get().form
      if (!form || get().saving) return null
      const problems = visibleProblems({ ...form, submitted: true }, get().profiles)
      if (Object.keys(problems).length > 0) {
        set({ form: { ...form, submitted: true } })
        return null
      }
      set({ saving: true })
      const result = await api.saveConnectionProfile({
        ...(form.id ? { id: form.id } : {}),
        draft: form.draft,
        ...(form.secret !== '' ? { secret: form.secret } : {})
      })
      set({ saving: false })
      if (!result.ok) {
        const current = get().form
        if (current) set({ form: { ...current, submitted: true, refusal: result.error.message } })
        return null
      }
      const saved = result.value
      const { [saved.id]: _stale, ...verdicts } = get().verdicts
      set((state) => ({
        profiles: [...state.profiles.filter((profile) => profile.id !== saved.id), saved].sort((a, b) =>
          a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
        ),
        verdicts,
        form: null
      }))
      void api.getLocalSandbox().then((sandbox) => sandbox.ok && set({ sandbox: sandbox.value }))
      return saved
    },

    async remove(id) {
      const result = await api.deleteConnectionProfile({ id })
      if (!result.ok) {
        onError(result.error)
        return false
      }
      set((state) => ({ profiles: state.profiles.filter((profile) => profile.id !== id) }))
      return true
    },

    async test(id) {
      set((state) => ({ testing: { ...state.testing, [id]: true } }))
      const result = await api.testConnectionProfile({ id })
      set((state) => ({ testing: { ...state.testing, [id]: false } }))
      if (!result.ok) {
        onError(result.error)
        return null
      }
      set((state) => ({ verdicts: { ...state.verdicts, [id]: result.value } }))
      return result.value
    },

    async startSandbox() {
      set({ sandboxBusy: true })
      const result = await api.startLocalSandbox()
      set({ sandboxBusy: false })
      if (!result.ok) {
        onError(result.error)
        return null
      }
      set({ sandbox: result.value })
      const profiles = await api.listConnectionProfiles()
      if (profiles.ok) set({ profiles: profiles.value })
      return result.value
    },

    async stopSandbox() {
      set({ sandboxBusy: true })
      const result = await api.stopLocalSandbox()
      set({ sandboxBusy: false })
      if (!result.ok) return onError(result.error)
      set({ sandbox: result.value })
    },

    async dismissOffer() {
      const result = await api.dismissSandboxOffer()
      if (!result.ok) return onError(result.error)
      set({ sandbox: result.value })
    }
  }))

export type ConnectionProfilesStore = ReturnType<typeof createConnectionProfilesStore>
