import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

/** Publish to Capillary (issue 10): dry run, run, locks, versions, disable, pull. */
export const createPublishHandlers = (
  studio: Studio
): Pick<
  Handlers,
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
> => ({
  planPublish: (input) => studio.publish.plan(input),
  startPublish: (input) => studio.publish.start(input),
  cancelPublish: ({ runId }) => studio.publish.cancel(runId),
  getPublishRun: ({ runId }) => studio.publish.run(runId),
  checkPublished: (input) => studio.publish.checkPublished(input),
  markPublished: ({ eventId, profileId }) => studio.publish.markPublished(eventId, profileId),
  listPublishState: ({ profileId }) => studio.publish.listState(profileId),
  newEventVersion: ({ eventId, name }) => studio.publish.newEventVersion(eventId, name),
  disableRemoteEvent: (input) => studio.publish.disableRemoteEvent(input),
  planPull: ({ profileId }) => studio.publish.planPull(profileId),
  applyPull: ({ profileId, eventNames }) => studio.publish.applyPull(profileId, eventNames)
})
