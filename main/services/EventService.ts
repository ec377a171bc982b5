import { publishedEventChangeProblem } from '../../shared/capillary/publishedEventChange'
import { standardEventDraft } from '../../shared/capillary/standardEventDraft'
import type { StandardEventName } from '../../shared/capillary/standardEvents'
import {
  maxEventNameLength,
  unnamedAttributeProblem,
  type EventDefinition,
  type EventDeletion,
  type EventDraft,
  type EventRestoration
} from '../../shared/model/event'
import { firstFreeName } from '../../shared/model/withSuffixWithin'
import { StudioError } from '../errors/StudioError'
import { EventTrash } from '../store/EventTrash'
import { applyTestGate } from '../testCases/testGate'
import type { Clock } from './Clock'
import type { ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'
import { inWriteTransaction } from '../store/database'
import { attributeRenames, carryAttributeRenames } from './carryAttributeRenames'

/**
 * Designing events. The service is the source of truth for what may be stored: names are unique, a published event
 * is locked the way Capillary locks it, and only unpublished events may be deleted, whatever the UI sends.
 */
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
    const event = project.events.insert({ id: this.clock.newId(), ...this.write(this.withFreeAttributeIds(draft)) })
    this.saved('created', event.id)
    return event
  }

  /** Adds a standard event from Capillary's library, exactly as Capillary defines it (it is enabled, not created). */
  addStandard(name: StandardEventName): EventDefinition {
    if (this.session.require().events.findByName(name)) {
      throw new StudioError('conflict', `${name} is already in this project: a standard event is enabled once per org.`)
    }
    return this.create(standardEventDraft(name))
  }

  update(id: string, draft: EventDraft): EventDefinition {
    const project = this.session.require({ forWriting: true })
    const current = this.require(id)
    const locked = publishedEventChangeProblem(current, draft)
    if (locked) throw new StudioError('conflict', locked)
    this.assertNameFree(draft.name, id)
    const write = this.write(this.withFreeAttributeIds(draft, id))
    const renames = attributeRenames(current.attributes, write.draft.attributes)
    // Back to Draft, unless the edit undid the last ones: the runs of the event as it now is count again.
    const retargeted = inWriteTransaction(project.db, () => {
      project.events.update({ id, ...write })
      const mappingIds = carryAttributeRenames(project.mappings, id, renames, write.now)
      applyTestGate(project, id, write.now)
      return mappingIds
    })
    this.saved('updated', id)
    for (const mappingId of retargeted) this.bus.emit('mappingsChanged', { id: mappingId })
    return this.require(id)
  }

  /** A new draft copy (the way to change a published event): a free `<name>_v2` name, fresh ids, never published. */
  duplicate(id: string): EventDefinition {
    const source = this.require(id)
    const taken = new Set(this.list().map((event) => event.name.toLowerCase()))
    const base = source.name.replace(/_v\d+$/, '')
    return this.create({
      name: firstFreeName(
        base,
        (version) => `_v${version}`,
        maxEventNameLength,
        (name) => taken.has(name.toLowerCase())
      ),
      label: source.label,
      description: source.description,
      // A standard event is enabled once per org: its copy is a custom event with the same fields.
      kind: 'custom',
      actions: [...source.actions],
      attributes: source.attributes.map(({ id: _id, ...attribute }) => ({ ...attribute, standard: false }))
    })
  }

  /** Deletes a draft with what hangs on it (mappings, test cases); `restore` puts it all back for ten minutes. */
  delete(id: string): EventDeletion {
    const project = this.session.require({ forWriting: true })
    const event = this.require(id)
    if (event.publications.length > 0) {
      throw new StudioError('conflict', `${event.name} is published: it cannot be deleted (Capillary keeps it).`)
    }
    const undoId = this.clock.newId()
    const { mappingIds } = new EventTrash(project.db).discard(undoId, id, this.clock.now())
    this.saved('deleted', id)
    for (const mappingId of mappingIds) this.bus.emit('mappingsChanged', { id: mappingId })
    return { id, name: event.name, undoId }
  }

  /** Puts a deleted event back, the very same (ids, mappings, test cases), unless its name was taken since. */
  restore(undoId: string): EventRestoration {
    const project = this.session.require({ forWriting: true })
    const trash = new EventTrash(project.db)
    // One time for the whole undo: the window cannot close between the check and the restore.
    const now = this.clock.now()
    const name = trash.nameHeld(undoId, now)
    if (name === undefined) {
      throw new StudioError('not_found', 'That event can no longer be put back (the undo lasts ten minutes).')
    }
    // By the names' own letter-case rule (the unique index's NOCASE: ASCII letters only).
    const taken = project.events.findByName(name)
    if (taken) {
      throw new StudioError('conflict', `An event named ${taken.name} was made since: rename it, then undo again.`)
    }
    // What changed meanwhile (its integration's event-name map, a mapping dropped) may undo its Tested status.
    const { eventId, mappingIds, droppedMappings } = restoreOrRefuse(() =>
      inWriteTransaction(project.db, () => {
        const restored = trash.restore(undoId, now, () => this.clock.newId())
        applyTestGate(project, restored.eventId, now.toISOString())
        return restored
      })
    )
    this.saved('created', eventId)
    for (const mappingId of mappingIds) this.bus.emit('mappingsChanged', { id: mappingId })
    this.bus.emit('testCasesChanged', {})
    return { event: this.require(eventId), droppedMappings }
  }

  private require(id: string): EventDefinition {
    const event = this.session.require().events.get(id)
    if (!event) throw new StudioError('not_found', 'That event no longer exists.')
    return event
  }

  /**
   * The draft with attribute ids no other attribute holds: an id of another event's attribute, or one given twice,
   * is dropped and the attribute gets a fresh one (the unique id would otherwise fail the write). An id says which
   * attribute a rename keeps; the designer makes new ones itself.
   */
  private withFreeAttributeIds(draft: EventDraft, eventId?: string): EventDraft {
    const ownerOf = this.session.require().db.prepare('SELECT event_id FROM attributes WHERE id = ?').pluck()
    const used = new Set<string>()
    return {
      ...draft,
      attributes: draft.attributes.map(({ id, ...attribute }) => {
        if (id === undefined || used.has(id)) return attribute
        const owner = ownerOf.get(id) as string | undefined
        if (owner !== undefined && owner !== eventId) return attribute
        used.add(id)
        return { id, ...attribute }
      })
    }
  }

  private write(draft: EventDraft) {
    if (!draft.name.trim()) throw new StudioError('invalid_input', 'Give the event a name.')
    const unnamed = unnamedAttributeProblem(draft)
    if (unnamed) throw new StudioError('invalid_input', unnamed)
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

/** A row that cannot come back (its id taken since, by a file edited elsewhere): refused in words, the trash kept. */
function restoreOrRefuse<T>(restore: () => T): T {
  try {
    return restore()
  } catch (error) {
    if (!String((error as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) throw error
    throw new StudioError(
      'conflict',
      'The event cannot be put back: one of its mappings or test cases exists again under the same id (the project ' +
        'was changed elsewhere meanwhile).'
    )
  }
}
