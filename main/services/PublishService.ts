import type {
  CheckPublishedInput,
  CheckPublishedResult,
  DisableRemoteEventResult,
  NewEventVersionResult,
  PlanPublishInput,
  PublishPlan,
  PublishRunState,
  PublishStateEntry,
  PublishStateView,
  PullPlan,
  PullResult,
  StartPublishInput
} from '../../shared/model/publish'
import type { CapillaryServices } from '../capillary/createCapillaryServices'
import { StudioError } from '../errors/StudioError'
import type { Logger } from '../platform/logger'
import type { Clock } from './Clock'
import type { ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'

const notYet = (): never => {
  throw new StudioError('internal', 'Publishing is being built: not available yet.')
}

/** Publish to Capillary and pull from an org, per connection profile (issue 10). */
export class PublishService {
  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly clock: Clock,
    private readonly capillary: CapillaryServices,
    private readonly logger: Logger
  ) {}

  plan(_input: PlanPublishInput): Promise<PublishPlan> {
    return Promise.resolve(notYet())
  }
  start(_input: StartPublishInput): Promise<{ runId: string }> {
    return Promise.resolve(notYet())
  }
  cancel(_runId: string): PublishRunState {
    return notYet()
  }
  run(_runId: string): PublishRunState {
    return notYet()
  }
  checkPublished(_input: CheckPublishedInput): Promise<CheckPublishedResult> {
    return Promise.resolve(notYet())
  }
  markPublished(_eventId: string, _profileId: string): PublishStateEntry {
    return notYet()
  }
  listState(_profileId: string | undefined): PublishStateView {
    return notYet()
  }
  newEventVersion(_eventId: string, _name: string): NewEventVersionResult {
    return notYet()
  }
  disableRemoteEvent(_input: {
    eventId: string
    profileId: string
    confirmName: string
  }): Promise<DisableRemoteEventResult> {
    return Promise.resolve(notYet())
  }
  planPull(_profileId: string): Promise<PullPlan> {
    return Promise.resolve(notYet())
  }
  applyPull(_profileId: string, _eventNames: string[]): Promise<PullResult> {
    return Promise.resolve(notYet())
  }
}
