import type { EventDefinition, EventDraft } from '../../shared/model/event'
import { StudioError } from '../errors/StudioError'
import type { Clock } from './Clock'
import type { ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'

/** Designing events: the service is the source of truth for what may be stored. */
export class EventService {
  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly clock: Clock
  ) {}

  list(): EventDefinition[] {
    return this.session.require().events.list()
  }

  create(draft: EventDraft): EventDefinition {
    const project = this.session.require({ forWriting: true })
    this.assertNameFree(draft.name)
    const event = project.events.insert({ id: this.clock.newId(), ...this.write(draft) })
    this.saved('created', event.id)
    return event
  }

  update(id: string, draft: EventDraft): EventDefinition {
    const project = this.session.require({ forWriting: true })
    if (!project.events.get(id)) throw new StudioError('not_found', 'That event no longer exists.')
    this.assertNameFree(draft.name, id)
    const event = project.events.update({ id, ...this.write(draft) })
    this.saved('updated', id)
    return event
  }

  delete(id: string): { id: string } {
    const project = this.session.require({ forWriting: true })
    if (!project.events.delete(id)) throw new StudioError('not_found', 'That event no longer exists.')
    this.saved('deleted', id)
    return { id }
  }

  private write(draft: EventDraft) {
    if (!draft.name.trim()) throw new StudioError('invalid_input', 'Give the event a name.')
    return { draft, now: this.clock.now().toISOString(), newAttributeId: () => this.clock.newId() }
  }

  private assertNameFree(name: string, exceptId?: string): void {
    const existing = this.session.require().events.findByName(name)
    if (existing && existing.id !== exceptId) {
      throw new StudioError('conflict', `An event named ${existing.name} already exists: event names are unique.`)
    }
  }

  private saved(reason: 'created' | 'updated' | 'deleted', id: string): void {
    this.session.touch()
    this.bus.emit('eventsChanged', { reason, id })
  }
}
