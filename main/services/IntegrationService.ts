import { integrationNameProblem } from '../../shared/model/integrationNameProblem'
import { slugProblem } from '../../shared/model/slug'
import type { Integration, IntegrationDraft } from '../../shared/model/integration'
import type { WebhookSettings } from '../../shared/model/webhookSettings'
import { StudioError } from '../errors/StudioError'
import { applyTestGate } from '../testCases/testGate'
import type { Clock } from './Clock'
import type { ProjectSession } from './ProjectSession'
import type { ServerEventBus } from './ServerEventBus'
import { inWriteTransaction } from '../store/database'

/** Integrations and the project's Capillary webhook settings (one per transformer). */
export class IntegrationService {
  constructor(
    private readonly session: ProjectSession,
    private readonly bus: ServerEventBus,
    private readonly clock: Clock
  ) {}

  list(): Integration[] {
    return this.session.require().integrations.list()
  }

  create(draft: IntegrationDraft): Integration {
    const project = this.session.require({ forWriting: true })
    this.assertValid(draft)
    const integration = project.integrations.insert(this.clock.newId(), draft, this.clock.now().toISOString())
    this.saved(integration.id)
    return integration
  }

  update(id: string, draft: IntegrationDraft): Integration {
    const project = this.session.require({ forWriting: true })
    const previous = project.integrations.get(id)
    if (!previous) throw new StudioError('not_found', 'That integration no longer exists.')
    this.assertValid(draft, previous)
    // Its event-name map decides which payloads its mappings apply to: changed, what was tested no longer runs
    // (its events' gates are worked out again: an undone change brings their runs back).
    const matchChanged =
      previous.eventNameField !== draft.eventNameField ||
      JSON.stringify(previous.eventNameMap) !== JSON.stringify(draft.eventNameMap)
    const now = this.clock.now().toISOString()
    const integration = inWriteTransaction(project.db, () => {
      const updated = project.integrations.update(id, draft, now)
      if (matchChanged) {
        for (const mapping of project.mappings.list()) {
          if (mapping.integrationId === id) applyTestGate(project, mapping.eventId, now)
        }
      }
      return updated
    })
    this.saved(id)
    if (matchChanged) this.bus.emit('eventsChanged', { reason: 'updated' })
    return integration
  }

  /** Its mappings and their test cases go with it (foreign-key cascade), so their events' gates are worked out again. */
  delete(id: string): { id: string } {
    const project = this.session.require({ forWriting: true })
    if (!project.integrations.get(id)) throw new StudioError('not_found', 'That integration no longer exists.')
    const mappings = project.mappings.list().filter((mapping) => mapping.integrationId === id)
    const eventIds = new Set(mappings.map((mapping) => mapping.eventId))
    const now = this.clock.now().toISOString()
    inWriteTransaction(project.db, () => {
      project.integrations.delete(id)
      for (const eventId of eventIds) applyTestGate(project, eventId, now)
    })
    this.saved(id)
    // The mapping screens drop the mappings that went with it (and the tests screen their test cases).
    for (const mapping of mappings) this.bus.emit('mappingsChanged', { id: mapping.id })
    if (eventIds.size > 0) this.bus.emit('eventsChanged', { reason: 'updated' })
    return { id }
  }

  listWebhookSettings(): WebhookSettings[] {
    return this.session.require().webhookSettings.list()
  }

  saveWebhookSettings(settings: WebhookSettings): WebhookSettings[] {
    const project = this.session.require({ forWriting: true })
    const current = project.webhookSettings.list().find((entry) => entry.transformer === settings.transformer)
    // Notes §3: once enabled on a webhook, the uniqueness check cannot be turned off.
    if (current?.uniquenessCheckEnabled && !settings.uniquenessCheckEnabled) {
      throw new StudioError(
        'conflict',
        'The uniqueness check cannot be turned off once enabled: Capillary makes it irreversible.'
      )
    }
    project.webhookSettings.save(settings)
    this.saved()
    return project.webhookSettings.list()
  }

  /** `previous`: the integration as saved, when the draft edits one. */
  private assertValid(draft: IntegrationDraft, previous?: Integration): void {
    const others = this.list().filter((integration) => integration.id !== previous?.id)
    const name = integrationNameProblem(
      draft.name,
      others.map((integration) => integration.name),
      previous?.name
    )
    // A clash already in the file (kind `shared`) is let through: such projects must open and stay editable.
    if (name?.kind === 'missing') throw new StudioError('invalid_input', name.message)
    if (name?.kind === 'taken') throw new StudioError('conflict', name.message)
    if (!draft.eventNameField.trim()) {
      throw new StudioError(
        'invalid_input',
        'Name the payload field that holds the source event name (e.g. event_name).'
      )
    }
    const incomplete = draft.eventNameMap.find((entry) => !entry.sourceName.trim() || !entry.eventName.trim())
    if (incomplete) {
      throw new StudioError(
        'invalid_input',
        'Each row of the event name map needs a source event name and a Capillary event.'
      )
    }
    const problem = slugProblem(
      draft.slug,
      others.map((integration) => integration.slug)
    )
    if (problem)
      throw new StudioError(others.some((i) => i.slug === draft.slug) ? 'conflict' : 'invalid_input', problem)
    const sources = draft.eventNameMap.map((entry) => entry.sourceName)
    const repeated = sources.find((name, index) => sources.indexOf(name) !== index)
    if (repeated !== undefined) {
      throw new StudioError(
        'invalid_input',
        `The source event name "${repeated}" is mapped twice: each source name means one event.`
      )
    }
  }

  private saved(id?: string): void {
    this.session.touch()
    this.bus.emit('integrationsChanged', id ? { id } : {})
  }
}
