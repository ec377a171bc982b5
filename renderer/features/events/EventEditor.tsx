import { CircleAlert, Copy, Lock, Plus } from 'lucide-react'
import { useMemo, useRef, useState } from 'react'
import { checkEvent } from '../../../shared/capillary/checkEvent'
import { designError, type DesignIssue } from '../../../shared/capillary/designIssue'
import { definitionRequests } from '../../../shared/capillary/definitionRequest'
import { implicitAttributes } from '../../../shared/capillary/implicitAttributes'
import { eventLimits, type AttributeDraft, type EventAction, type EventDraft } from '../../../shared/model/event'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { JsonView } from '../../editor/JsonView'
import { ChangedOutsideBanner } from '../../ui/ChangedOutsideBanner'
import { plural } from '../../ui/plural'
import { AttributeRow } from './AttributeRow'
import { draftLimitIssues } from './draftLimitIssues'
import { FieldIssues } from './FieldIssues'
import { focusFirstProblem } from './focusFirstProblem'
import { issuesAt } from './issuesAt'
import { LimitedTextField } from './LimitedTextField'
import { StatusChip } from './StatusChip'

const actionLabels: Record<EventAction, string> = {
  EIConsumer: 'Essential Insights (EIConsumer)',
  EMFConsumer: 'Loyalty, DVS and Communication (EMFConsumer)'
}

type Tab = 'design' | 'code'

/**
 * A name differing only in letter case from another's is a warning for Capillary, but a project takes such names as
 * one and refuses to save the second (EventService): here it is an error, said once, at the name.
 */
const sameNameInProject = (namesake: string): DesignIssue =>
  designError(
    'name',
    'event_name_case_duplicate',
    `Another event is named "${namesake}", which differs only in letter case: a project takes such names as one, so this one is not saved. Pick a clearly different name.`
  )

/** The selected event's designer: its definition with Capillary's rules checked live, and the Code tab. */
export function EventEditor() {
  const { events } = useStudio()
  const draft = useStudioStore(
    (s) => s.events,
    (state) => state.draft
  )
  const selectedId = useStudioStore(
    (s) => s.events,
    (state) => state.selectedId
  )
  const all = useStudioStore(
    (s) => s.events,
    (state) => state.events
  )
  const saveState = useStudioStore(
    (s) => s.events,
    (state) => state.saveState
  )
  const saveProblem = useStudioStore(
    (s) => s.events,
    (state) => state.saveProblem
  )
  const changedOutside = useStudioStore(
    (s) => s.events,
    (state) => state.changedOutside
  )
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const [tab, setTab] = useState<Tab>('design')
  const pane = useRef<HTMLElement>(null)
  // The attribute the user just added: its name takes the focus.
  const [addedAttributeId, setAddedAttributeId] = useState<string | null>(null)

  const selected = all.find((event) => event.id === selectedId)
  const issues = useMemo(() => {
    if (!draft) return []
    const others = all.filter((event) => event.id !== selectedId)
    const rules = checkEvent(draft, {
      otherEventNames: others.map((event) => event.name),
      customEventCountInOrg: others.filter((event) => event.kind === 'custom').length,
      stage: 'design'
    })
    // Where Capillary's own limit is stricter (attribute names: 50), its message already says the text is too long.
    const stricter = new Set(rules.filter((issue) => issue.code.endsWith('_too_long')).map((issue) => issue.path))
    const namesake = others.find((event) => event.name.toLowerCase() === draft.name.toLowerCase())?.name
    const asProjectRule = (issue: DesignIssue) =>
      issue.code === 'event_name_case_duplicate' && namesake !== undefined ? sameNameInProject(namesake) : issue
    return [...rules.map(asProjectRule), ...draftLimitIssues(draft).filter((issue) => !stricter.has(issue.path))]
  }, [draft, all, selectedId])

  if (!draft || !selected) {
    return (
      <section className="editor-pane empty-state" aria-label="Event editor">
        <p>Select an event to design it, or create one with the + button.</p>
      </section>
    )
  }

  const edit = (patch: Partial<EventDraft>) => events.getState().edit({ ...draft, ...patch })
  const setAttribute = (index: number, attribute: AttributeDraft) =>
    edit({ attributes: draft.attributes.map((current, i) => (i === index ? attribute : current)) })
  const toggleAction = (action: EventAction, on: boolean) =>
    edit({ actions: on ? [...new Set([...draft.actions, action])] : draft.actions.filter((a) => a !== action) })
  const errorCount = issues.filter((issue) => issue.severity === 'error').length
  const goToFirstProblem = () => {
    setTab('design')
    // After the Design tab is drawn, when the Code tab was showing.
    setTimeout(() => focusFirstProblem(pane.current, issues.find((issue) => issue.severity === 'error')?.path))
  }
  const nameIssues = issuesAt(issues, 'name')
  const published = selected.publications.length > 0
  const publishedAttributeIds = new Set(published ? selected.attributes.map((attribute) => attribute.id) : [])
  const moveAttribute = (index: number, offset: -1 | 1) => {
    const attributes = [...draft.attributes]
    const [moved] = attributes.splice(index, 1)
    if (!moved) return
    attributes.splice(index + offset, 0, moved)
    edit({ attributes })
  }

  return (
    <section className="editor-pane" aria-label="Event editor" ref={pane}>
      <header className="editor-header event-editor-header">
        <div>
          <h1 className="mono" title={draft.name || undefined}>
            {draft.name || 'unnamed event'}
          </h1>
          <span className="muted">{draft.kind === 'standard' ? 'Standard event' : 'Custom event'}</span>{' '}
          <StatusChip event={selected} />{' '}
          {errorCount > 0 ? (
            <button
              type="button"
              className="chip chip-error chip-button"
              title="Go to the first problem"
              onClick={goToFirstProblem}
            >
              {plural(errorCount, 'problem')}
            </button>
          ) : (
            <span className="chip chip-ok">Valid for Capillary</span>
          )}
        </div>
        <div className="tabs" role="tablist" aria-label="Event views">
          {(['design', 'code'] as const).map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className="tab"
              onClick={() => setTab(id)}
            >
              {id === 'design' ? 'Design' : '{ } Code'}
            </button>
          ))}
        </div>
      </header>

      {published && (
        <div className="banner" role="note">
          <Lock size={14} aria-hidden />
          <span>
            Published to {selected.publications.map((publication) => publication.profile).join(', ')}: Capillary no
            longer lets its attributes be edited or removed. You may add attributes, or duplicate the event into a new
            version.
          </span>
          <button type="button" className="button" onClick={() => void events.getState().duplicate(selected.id)}>
            <Copy size={14} /> Duplicate
          </button>
        </div>
      )}

      {changedOutside && (
        <ChangedOutsideBanner
          name={selected.name}
          onKeepMine={() => void events.getState().keepMine()}
          onTakeSaved={() => events.getState().takeSaved()}
        />
      )}

      {saveState === 'failed' && saveProblem && (
        <p className="banner banner-error" role="alert">
          <CircleAlert size={14} aria-hidden />
          <span>Not saved: {saveProblem}</span>
        </p>
      )}

      {tab === 'code' ? (
        <div className="code-tab">
          <p className="muted">
            The request{draft.kind === 'standard' ? 's' : ''} this event will be sent to Capillary with, exactly.
          </p>
          <JsonView value={definitionRequests(draft, { mode: 'create' })} label="Capillary definition request" />
        </div>
      ) : (
        <div className="editor-body">
          <fieldset className="form-grid" disabled={readOnly}>
            <LimitedTextField
              label="Event name"
              value={draft.name}
              limit={eventLimits.nameLength}
              issues={nameIssues}
              mono
              disabled={draft.kind === 'standard' || published}
              onChange={(name) => edit({ name })}
            />
            <LimitedTextField
              label="Label"
              value={draft.label}
              limit={eventLimits.labelLength}
              issues={issuesAt(issues, 'label')}
              onChange={(label) => edit({ label })}
            />
            <LimitedTextField
              label="Description"
              value={draft.description}
              limit={eventLimits.descriptionLength}
              issues={issuesAt(issues, 'description')}
              multiline
              wide
              onChange={(description) => edit({ description })}
            />
            <div className="field span-2" role="group" aria-label="Destinations">
              <span className="field-label">Destinations</span>
              {(Object.keys(actionLabels) as EventAction[]).map((action) => (
                <label key={action} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.actions.includes(action)}
                    onChange={(event) => toggleAction(action, event.target.checked)}
                  />
                  {actionLabels[action]}
                </label>
              ))}
              <FieldIssues issues={issuesAt(issues, 'actions')} />
            </div>
          </fieldset>

          <section aria-label="Attributes">
            <header className="section-header">
              <h2>Attributes</h2>
              <button
                type="button"
                className="button"
                disabled={readOnly || draft.attributes.length >= eventLimits.attributes}
                title={
                  draft.attributes.length >= eventLimits.attributes
                    ? `An event keeps at most ${eventLimits.attributes} attributes.`
                    : undefined
                }
                onClick={() => {
                  const id = crypto.randomUUID()
                  setAddedAttributeId(id)
                  edit({
                    attributes: [
                      ...draft.attributes,
                      {
                        id,
                        name: '',
                        type: 'string',
                        description: '',
                        isRequired: false,
                        isUniqueKeyField: false,
                        isPsiData: false,
                        standard: false
                      }
                    ]
                  })
                }}
              >
                <Plus size={14} /> Add attribute
              </button>
            </header>
            <FieldIssues issues={issues.filter((issue) => issue.path === 'attributes' || issue.path === '')} />
            <ol className="attributes">
              {draft.attributes.map((attribute, index) => (
                <AttributeRow
                  key={attribute.id ?? `new-${index}`}
                  attribute={attribute}
                  index={index}
                  issues={issuesAt(issues, `attributes/${index}`, true)}
                  locked={readOnly || (attribute.id !== undefined && publishedAttributeIds.has(attribute.id))}
                  isFirst={index === 0}
                  isLast={index === draft.attributes.length - 1}
                  isNew={attribute.id === addedAttributeId}
                  onChange={(next) => setAttribute(index, next)}
                  onRemove={() => edit({ attributes: draft.attributes.filter((_, i) => i !== index) })}
                  onMove={(offset) => moveAttribute(index, offset)}
                />
              ))}
            </ol>
            <h3 className="subtle-heading">On every event, set by Capillary</h3>
            <ul className="implicit-attributes">
              {implicitAttributes.map((attribute) => (
                <li key={attribute.name} title={attribute.description}>
                  <span className="mono">{attribute.name}</span> <span className="muted">{attribute.label}</span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </section>
  )
}
