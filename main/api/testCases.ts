import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

export const createTestCaseHandlers = (
  studio: Studio
): Pick<
  Handlers,
  | 'listTestCases'
  | 'saveTestCase'
  | 'deleteTestCase'
  | 'previewTestCase'
  | 'runTestCases'
  | 'startBatchRun'
  | 'cancelBatchRun'
  | 'runEdgeCases'
  | 'getMappingCoverage'
> => ({
  listTestCases: ({ eventId }) => studio.testCases.list(eventId === undefined ? {} : { eventId }),
  saveTestCase: ({ id, draft }) => studio.testCases.save(id, draft),
  deleteTestCase: ({ id }) => studio.testCases.delete(id),
  previewTestCase: ({ mappingId, payload }) => studio.testCases.preview(mappingId, payload),
  runTestCases: (selection) => studio.testCases.run(selection),
  startBatchRun: ({ mappingId }) => studio.batchRuns.start(mappingId),
  cancelBatchRun: ({ runId }) => studio.batchRuns.cancel(runId),
  runEdgeCases: ({ mappingId, payload }) => studio.testCases.edgeCases(mappingId, payload),
  getMappingCoverage: ({ mappingId }) => studio.testCases.coverage(mappingId)
})
