import { extraTargets, type Mapping, type MappingSpec } from '../../shared/model/mapping'
import { StudioError } from '../errors/StudioError'
import { applyTestGate } from '../testCases/testGate'
import type { Clock } from './Clock'
import type { ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'
import { inWriteTransaction } from '../store/database'

/**
 * Mappings of an integration's payloads onto an event. Saving one works its event's Tested gate out again: a change
 * sends it back to Draft (what was tested is no longer what would run); a change undone brings back the runs of
 * what is now the same mapping, so an event tested before comes back Tested.
 */
export class MappingService {
  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly clock: Clock
  ) {}

  list(): Mapping[] {
    return this.session.require().mappings.list()
  }

  save(integrationId: string, eventId: string, spec: MappingSpec): Mapping {
    const project = this.session.require({ forWriting: true })
    if (!project.integrations.get(integrationId))
      throw new StudioError('not_found', 'That integration no longer exists.')
    const event = project.events.get(eventId)
    if (!event) throw new StudioError('not_found', 'That event no longer exists.')
    const targets = new Set<string>([...event.attributes.map((attribute) => attribute.name), ...extraTargets])
    const unknown = spec.rules.find((rule) => !targets.has(rule.target))
    if (unknown) {
      throw new StudioError(
        'invalid_input',
        `${event.name} has no attribute ${unknown.target}: map onto one of its attributes.`
      )
    }
    const repeated = spec.rules.find(
      (rule, index) => spec.rules.findIndex((other) => other.target === rule.target) !== index
    )
    if (repeated)
      throw new StudioError('invalid_input', `${repeated.target} has two rules: keep one rule per attribute.`)
    const now = this.clock.now().toISOString()
    const mapping = inWriteTransaction(project.db, () => {
      const saved = project.mappings.save(this.clock.newId(), integrationId, eventId, spec, now)
      applyTestGate(project, eventId, now)
      return saved
    })
    this.session.touch()
    this.bus.emit('mappingsChanged', { id: mapping.id })
    this.bus.emit('eventsChanged', { reason: 'updated', id: eventId })
    return mapping
  }

  /** Its test cases go with it (foreign-key cascade), so its event's gate is worked out again. */
  delete(id: string): { id: string } {
    const project = this.session.require({ forWriting: true })
    const mapping = project.mappings.get(id)
    if (!mapping) throw new StudioError('not_found', 'That mapping no longer exists.')
    inWriteTransaction(project.db, () => {
      project.mappings.delete(id)
      applyTestGate(project, mapping.eventId, this.clock.now().toISOString())
    })
    this.session.touch()
    this.bus.emit('mappingsChanged', { id })
    this.bus.emit('eventsChanged', { reason: 'updated', id: mapping.eventId })
    return { id }
  }
}
