import { createStore } from 'zustand/vanilla'
import type { StudioErrorInfo } from '../../../shared/api/result'
import type {
  BatchRunState,
  EdgeCaseResult,
  EventTestStatus,
  MappingCoverage,
  TestCase,
  TestCaseDraft
} from '../../../shared/model/testCase'
import type { Mapping } from '../../../shared/model/mapping'
import type { StudioApi } from '../../api/client'

type TestsApi = Pick<
  StudioApi,
  | 'listTestCases'
  | 'saveTestCase'
  | 'deleteTestCase'
  | 'runTestCases'
  | 'startBatchRun'
  | 'cancelBatchRun'
  | 'runEdgeCases'
  | 'getMappingCoverage'
  | 'listMappings'
>

/** What the event's pane shows below its standing. */
export type TestsPanel = 'cases' | 'batch' | 'edgeCases' | 'coverage'

interface TestsState {
  /** Every mapping of the project: a test case belongs to one, and an event has one per integration. */
  mappings: Mapping[]
  testCases: TestCase[]
  statuses: EventTestStatus[]
  loaded: boolean
  selectedEventId: string | null
  selectedTestCaseId: string | null
  panel: TestsPanel
  /** A run asked by the user is on its way (one at a time). */
  running: boolean
  /** The batch run in progress or last finished, as main last reported it. */
  batch: BatchRunState | null
  edgeCases: { mappingId: string; results: EdgeCaseResult[] } | null
  edgeCasesBusy: boolean
  coverage: MappingCoverage | null
  load(): Promise<void>
  selectEvent(id: string | null): void
  selectTestCase(id: string | null): void
  showPanel(panel: TestsPanel): void
  /** Runs the selected event's test cases, or the given ones. */
  run(selection: { eventId: string } | { testCaseIds: string[] }): Promise<void>
  save(id: string | undefined, draft: TestCaseDraft): Promise<TestCase | null>
  remove(id: string): Promise<boolean>
  startBatch(mappingId: string): Promise<void>
  cancelBatch(): Promise<void>
  /** Main pushed batchRunProgress. */
  receiveBatch(state: BatchRunState): void
  runEdgeCases(mappingId: string, payload: unknown): Promise<void>
  loadCoverage(mappingId: string): Promise<void>
}

/** Test cases, each event's standing against the Tested gate, and the batch, edge-case and coverage panels. */
export const createTestsStore = (api: TestsApi, onError: (error: StudioErrorInfo) => void) =>
  createStore<TestsState>()((set, get) => ({
    mappings: [],
    testCases: [],
    statuses: [],
    loaded: false,
    selectedEventId: null,
    selectedTestCaseId: null,
    panel: 'cases',
    running: false,
    batch: null,
    edgeCases: null,
    edgeCasesBusy: false,
    coverage: null,
    async load() {
      const [result, mappings] = await Promise.all([api.listTestCases({}), api.listMappings()])
      if (!result.ok) return onError(result.error)
      if (!mappings.ok) return onError(mappings.error)
      const { testCases, statuses } = result.value
      const selectedEventId = statuses.some((status) => status.eventId === get().selectedEventId)
        ? get().selectedEventId
        : (statuses[0]?.eventId ?? null)
      const selectedTestCaseId = testCases.some((testCase) => testCase.id === get().selectedTestCaseId)
        ? get().selectedTestCaseId
        : null
      set({ mappings: mappings.value, testCases, statuses, loaded: true, selectedEventId, selectedTestCaseId })
    },
    selectEvent(id) {
      if (id === get().selectedEventId) return
      set({ selectedEventId: id, selectedTestCaseId: null, edgeCases: null, coverage: null })
    },
    selectTestCase(id) {
      set({ selectedTestCaseId: id })
    },
    showPanel(panel) {
      set({ panel })
    },
    async run(selection) {
      if (get().running) return
      set({ running: true })
      const result = await api.runTestCases(selection)
      set({ running: false })
      if (!result.ok) return onError(result.error)
      await get().load()
    },
    async save(id, draft) {
      const result = await api.saveTestCase(id === undefined ? { draft } : { id, draft })
      if (!result.ok) {
        onError(result.error)
        return null
      }
      await get().load()
      set({ selectedTestCaseId: result.value.id, panel: 'cases' })
      return result.value
    },
    async remove(id) {
      const result = await api.deleteTestCase({ id })
      if (!result.ok) {
        onError(result.error)
        return false
      }
      if (get().selectedTestCaseId === id) set({ selectedTestCaseId: null })
      await get().load()
      return true
    },
    async startBatch(mappingId) {
      if (get().batch?.state === 'running') return
      const result = await api.startBatchRun({ mappingId })
      if (!result.ok) return onError(result.error)
      // Progress may have arrived before the answer: keep whichever is further along.
      const current = get().batch
      if (current?.runId !== result.value.runId || current.done < result.value.done) set({ batch: result.value })
    },
    async cancelBatch() {
      const batch = get().batch
      if (batch?.state !== 'running') return
      const result = await api.cancelBatchRun({ runId: batch.runId })
      if (!result.ok) onError(result.error)
    },
    receiveBatch(state) {
      const current = get().batch
      if (current && current.runId === state.runId && current.state !== 'running') return
      set({ batch: state })
    },
    async runEdgeCases(mappingId, payload) {
      set({ edgeCasesBusy: true })
      const result = await api.runEdgeCases({ mappingId, payload })
      set({ edgeCasesBusy: false })
      if (!result.ok) return onError(result.error)
      set({ edgeCases: { mappingId, results: result.value } })
    },
    async loadCoverage(mappingId) {
      const result = await api.getMappingCoverage({ mappingId })
      if (!result.ok) return onError(result.error)
      set({ coverage: result.value })
    }
  }))

export type TestsStore = ReturnType<typeof createTestsStore>
