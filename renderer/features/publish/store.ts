import { createStore } from 'zustand/vanilla'
import type { StudioErrorInfo } from '../../../shared/api/result'
import type {
  CheckPublishedResult,
  PublishPlan,
  PublishProgress,
  PublishRunState,
  PublishStateView,
  PullPlan,
  PullResult
} from '../../../shared/model/publish'
import type { StudioApi } from '../../api/client'
import { plural } from '../../ui/plural'

type PublishApi = Pick<
  StudioApi,
  | 'planPublish'
  | 'startPublish'
  | 'cancelPublish'
  | 'getPublishRun'
  | 'checkPublished'
  | 'markPublished'
  | 'listPublishState'
  | 'newEventVersion'
  | 'disableRemoteEvent'
  | 'planPull'
  | 'applyPull'
>

export type PublishTab = 'publish' | 'drift'

/** How often the screen asks the org whether events waiting for the InTouch publish are PUBLISHED yet. */
export const publishedCheckIntervalMs = 15_000

interface PublishState {
  profileId: string | null
  tab: PublishTab
  /** Stage and last verdict of each event with the chosen profile, and its webhooks. */
  state: PublishStateView | null
  /** The user's include/leave-out choices; events without a choice follow `includedByDefault`. */
  choices: Record<string, boolean>
  plan: PublishPlan | null
  /** The plan was published: the org has changed since, so another publish needs a new dry run. */
  planUsed: boolean
  planning: boolean
  /** Why the last dry run could not be made (the org unreachable, credentials refused...). */
  planError: string | null
  run: PublishRunState | null
  /** Every step each event of the run went through, in order (the run state keeps only the newest). */
  history: Record<string, PublishProgress[]>
  starting: boolean
  checking: boolean
  lastCheck: CheckPublishedResult | null
  /** The event a per-event action (mark, new version, disable) is working on. */
  busyEventId: string | null
  pull: PullPlan | null
  pulling: boolean
  pullError: string | null
  /** Org events chosen for import as drafts, by name. */
  pullChoices: string[]
  importing: boolean
  lastImport: PullResult | null
  selectProfile(profileId: string | null): Promise<void>
  showTab(tab: PublishTab): void
  loadState(): Promise<void>
  /** Main said a profile's publish state changed. */
  stateChanged(profileKey: string): void
  choose(eventId: string, included: boolean): void
  dryRun(eventIds: string[]): Promise<PublishPlan | null>
  /** A publish asked for (the button, the palette), waiting for the user to confirm it: it writes to the org. */
  confirmingPublish: boolean
  askToPublish(): void
  closePublishQuestion(): void
  /** Publishes the dry run's ready events: nothing is published without a plan shown first. */
  publish(): Promise<boolean>
  cancel(): Promise<void>
  /** Main pushed publishProgress. */
  receiveProgress(progress: PublishProgress): void
  /** One read of the org for PUBLISHED; `quiet` (the screen's own periodic check) tells only what got locked. */
  checkPublished(options?: { quiet?: boolean }): Promise<CheckPublishedResult | null>
  markPublished(eventId: string): Promise<boolean>
  newVersion(eventId: string, name: string): Promise<boolean>
  disable(eventId: string, confirmName: string): Promise<boolean>
  comparePull(): Promise<void>
  choosePull(eventName: string, chosen: boolean): void
  applyPull(): Promise<PullResult | null>
  /** Another project opened: what the screen showed of the last one (its dry run, its last run) goes. */
  forgetProject(): void
}

/** What belongs to one profile, cleared when another is chosen. */
const emptyProfileView = () => ({
  state: null,
  plan: null,
  planUsed: false,
  planError: null,
  lastCheck: null,
  pull: null,
  pullError: null,
  pullChoices: [],
  lastImport: null
})

/** The Publish screen: the chosen profile, its publish state, the dry run, a run's progress, and the org's drift. */
export const createPublishStore = (
  api: PublishApi,
  onError: (error: StudioErrorInfo) => void,
  onNotice: (message: string) => void = () => undefined
) =>
  createStore<PublishState>()((set, get) => {
    let stateTicket = 0

    /**
     * Reads a run's state from main: for a run this window did not start (another window), or to catch up on steps
     * sent before startPublish answered. Progress pushed meanwhile is newer than the answer, so it is kept.
     */
    async function adoptRun(runId: string): Promise<void> {
      const result = await api.getPublishRun({ runId })
      if (!result.ok || get().run?.runId !== runId) return
      const known = get().run!
      const history = { ...get().history }
      const events = result.value.events.map((fetched) => {
        const pushed = known.events.find((event) => event.eventId === fetched.eventId)
        return pushed && pushed.at >= fetched.at ? pushed : fetched
      })
      for (const progress of events) {
        const steps = history[progress.eventId] ?? []
        if (!steps.some((step) => step.step === progress.step)) history[progress.eventId] = [...steps, progress]
      }
      const runDone = events.some((event) => event.runDone)
      set({ run: { ...result.value, events, running: result.value.running && !runDone }, history })
    }

    return {
      profileId: null,
      tab: 'publish',
      ...emptyProfileView(),
      choices: {},
      run: null,
      history: {},
      planning: false,
      starting: false,
      checking: false,
      busyEventId: null,
      pulling: false,
      importing: false,

      async selectProfile(profileId) {
        if (profileId === get().profileId) return
        set({ profileId, ...emptyProfileView() })
        await get().loadState()
      },

      showTab(tab) {
        set({ tab })
      },

      forgetProject() {
        stateTicket += 1
        set({ ...emptyProfileView(), choices: {}, run: null, history: {}, busyEventId: null })
        if (get().profileId !== null) void get().loadState()
      },

      async loadState() {
        const { profileId } = get()
        if (!profileId) return
        const ticket = (stateTicket += 1)
        const result = await api.listPublishState({ profileId })
        // Another profile was chosen meanwhile: its answer wins.
        if (ticket !== stateTicket || profileId !== get().profileId) return
        if (result.ok) set({ state: result.value })
        else onError(result.error)
      },

      stateChanged() {
        void get().loadState()
      },

      choose(eventId, included) {
        set((state) => ({ choices: { ...state.choices, [eventId]: included } }))
      },

      async dryRun(eventIds) {
        const { profileId } = get()
        if (!profileId || get().planning) return null
        set({ planning: true, planError: null })
        const result = await api.planPublish({ profileId, eventIds })
        if (profileId !== get().profileId) {
          set({ planning: false })
          return null
        }
        if (!result.ok) {
          set({ planning: false, planError: result.error.message, plan: null })
          return null
        }
        set({ planning: false, plan: result.value, planUsed: false })
        return result.value
      },

      confirmingPublish: false,
      askToPublish: () => set({ confirmingPublish: true }),
      closePublishQuestion: () => set({ confirmingPublish: false }),
      async publish() {
        set({ confirmingPublish: false })
        const { plan, planUsed, profileId, run, starting } = get()
        if (!plan || planUsed || !profileId || starting || run?.running) return false
        const eventIds = plan.events.filter((event) => event.ready).map((event) => event.eventId)
        if (eventIds.length === 0) return false
        set({ starting: true, planUsed: true })
        // The run does not wait for PUBLISHED: it publishes events one after another, and a wait on the first would
        // hold up the next. The screen checks the org itself meanwhile (publishedCheckIntervalMs, "Check again").
        const result = await api.startPublish({ profileId, eventIds, waitForPublishedSeconds: 0 })
        set({ starting: false })
        if (!result.ok) {
          set({ planUsed: false })
          onError(result.error)
          return false
        }
        const { runId } = result.value
        // Progress may have arrived before the answer: keep it, it belongs to this run.
        if (get().run?.runId !== runId) {
          set({ run: { runId, target: plan.target, eventIds, running: true, events: [] }, history: {} })
        }
        await adoptRun(runId)
        return true
      },

      async cancel() {
        const run = get().run
        if (!run?.running) return
        const result = await api.cancelPublish({ runId: run.runId })
        if (!result.ok) return onError(result.error)
        if (get().run?.runId === run.runId) set({ run: result.value })
      },

      receiveProgress(progress) {
        let run = get().run
        if (run?.runId !== progress.runId) {
          // One run at a time: a stale run's late progress is ignored while ours runs.
          if (run?.running) return
          // A run another window started, or ours before startPublish answered.
          run = { runId: progress.runId, target: emptyTarget, eventIds: [], running: true, events: [] }
          set({ run, history: {} })
          void adoptRun(progress.runId)
        }
        const events = run.events.some((event) => event.eventId === progress.eventId)
          ? run.events.map((event) => (event.eventId === progress.eventId ? progress : event))
          : [...run.events, progress]
        const steps = get().history[progress.eventId] ?? []
        set({
          run: {
            ...run,
            eventIds: run.eventIds.includes(progress.eventId) ? run.eventIds : [...run.eventIds, progress.eventId],
            events,
            running: run.running && !progress.runDone
          },
          history: { ...get().history, [progress.eventId]: [...steps, progress] }
        })
        if (progress.done) void get().loadState()
      },

      async checkPublished(options = {}) {
        const { profileId } = get()
        if (!profileId || get().checking) return null
        set({ checking: true })
        const result = await api.checkPublished({ profileId })
        set({ checking: false })
        if (!result.ok) {
          if (!options.quiet) onError(result.error)
          return null
        }
        set({ lastCheck: result.value })
        const locked = result.value.events.filter((event) => event.newlyLocked).map((event) => event.eventName)
        if (locked.length > 0) onNotice(`Published on ${result.value.target.name}, now locked: ${locked.join(', ')}.`)
        else if (!options.quiet) onNotice(`Nothing new is published on ${result.value.target.name} yet.`)
        await get().loadState()
        return result.value
      },

      async markPublished(eventId) {
        const { profileId } = get()
        if (!profileId) return false
        set({ busyEventId: eventId })
        const result = await api.markPublished({ eventId, profileId })
        set({ busyEventId: null })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        await get().loadState()
        return true
      },

      async newVersion(eventId, name) {
        set({ busyEventId: eventId })
        const result = await api.newEventVersion({ eventId, name })
        set({ busyEventId: null })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        const moved = result.value.movedMappingIds.length
        onNotice(
          `${result.value.event.name} created as a draft` +
            (moved > 0 ? ` with ${plural(moved, 'mapping')} moved to it` : '') +
            ': run its tests in Tests, then publish it.'
        )
        return true
      },

      async disable(eventId, confirmName) {
        const { profileId } = get()
        if (!profileId) return false
        set({ busyEventId: eventId })
        const result = await api.disableRemoteEvent({ eventId, profileId, confirmName })
        set({ busyEventId: null })
        if (!result.ok) {
          onError(result.error)
          return false
        }
        const { quota } = result.value
        onNotice(
          `${result.value.eventName} is disabled on the org: ${quota.active} of ${plural(quota.limit, 'custom event')} active.`
        )
        set({ plan: null })
        await get().loadState()
        return true
      },

      async comparePull() {
        const { profileId } = get()
        if (!profileId || get().pulling) return
        set({ pulling: true, pullError: null })
        const result = await api.planPull({ profileId })
        if (profileId !== get().profileId) return set({ pulling: false })
        if (!result.ok) return set({ pulling: false, pull: null, pullError: result.error.message })
        const importable = new Set(
          result.value.events.filter((event) => event.importable).map((event) => event.eventName)
        )
        set({
          pulling: false,
          pull: result.value,
          pullChoices: get().pullChoices.filter((name) => importable.has(name))
        })
      },

      choosePull(eventName, chosen) {
        const others = get().pullChoices.filter((name) => name !== eventName)
        set({ pullChoices: chosen ? [...others, eventName] : others })
      },

      async applyPull() {
        const { profileId, pullChoices } = get()
        if (!profileId || pullChoices.length === 0 || get().importing) return null
        set({ importing: true })
        const result = await api.applyPull({ profileId, eventNames: pullChoices })
        set({ importing: false })
        if (!result.ok) {
          onError(result.error)
          return null
        }
        set({ lastImport: result.value, pull: result.value.plan, pullChoices: [] })
        const count = result.value.imported.length
        const mappings = result.value.mappingsImported ?? 0
        const one = count === 1
        onNotice(
          `${plural(count, 'event')} imported from the org as ${one ? 'a draft' : 'drafts'}` +
            (mappings > 0
              ? `, with ${plural(mappings, 'mapping')} from ${one ? 'its adapter' : 'their adapters'}.`
              : '.')
        )
        return result.value
      }
    }
  })

/** Until getPublishRun answers for a run adopted from its progress. */
const emptyTarget = { profileId: null, key: '', name: '', baseUrl: '', orgId: '' }

export type PublishStore = ReturnType<typeof createPublishStore>
