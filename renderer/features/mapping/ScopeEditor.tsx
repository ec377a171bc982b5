import { memo } from 'react'
import type { InferredSchema } from '../../../shared/engine/inferSchema'
import type { MappingMatch, MappingSpec } from '../../../shared/model/mapping'
import { useStudio } from '../../app/StudioContext'
import { FanOutField } from './FanOutField'
import { setFanOut, setMatch } from './mappingEdits'

interface ScopeEditorProps {
  spec: MappingSpec
  schema: InferredSchema
  /** The source names the integration's event-name map gives this event, and the field that holds them. */
  integrationNames: string[]
  eventNameField: string
  readOnly: boolean
}

const matchKinds: { value: MappingMatch['kind']; label: string }[] = [
  { value: 'integration', label: "The integration's event names" },
  { value: 'eventName', label: 'These source event names' },
  { value: 'expression', label: 'A JSONata condition' },
  { value: 'always', label: 'Every payload' }
]

const splitNames = (text: string) =>
  text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')

/** The mapping's scope: which payloads it applies to (source event names), and the list it fans out over. */
export const ScopeEditor = memo(function ScopeEditor({
  spec,
  schema,
  integrationNames,
  eventNameField,
  readOnly
}: ScopeEditorProps) {
  const { mapping } = useStudio()
  const edit = (next: MappingSpec, touched: string) => mapping.getState().edit(next, `scope:${touched}`)
  const match = spec.match
  const lists = schema.fields
    .filter((field) => (field.types.array ?? 0) > 0 && !field.path.includes('[*]'))
    .map((field) => field.path)

  const changeKind = (kind: MappingMatch['kind']) => {
    if (kind === match.kind) return
    const next: MappingMatch =
      kind === 'eventName'
        ? {
            kind,
            field: eventNameField || 'event_name',
            sourceNames: integrationNames.length > 0 ? integrationNames : ['event']
          }
        : kind === 'expression'
          ? { kind, expression: `${eventNameField || 'event_name'} = "${integrationNames[0] ?? ''}"` }
          : { kind }
    edit(setMatch(spec, next), 'kind')
  }

  return (
    <section className="scope-editor" aria-label="Scope">
      <label className="field">
        <span className="field-label">Applies to</span>
        <select
          className="input"
          aria-label="Applies to"
          value={match.kind}
          disabled={readOnly}
          onChange={(event) => changeKind(event.target.value as MappingMatch['kind'])}
        >
          {matchKinds.map((kind) => (
            <option key={kind.value} value={kind.value}>
              {kind.label}
            </option>
          ))}
        </select>
      </label>
      {match.kind === 'integration' && (
        <p className="scope-note muted">
          {integrationNames.length > 0 ? (
            <>
              Payloads whose <span className="mono">{eventNameField}</span> is{' '}
              {integrationNames.map((name) => JSON.stringify(name)).join(' or ')} (from the integration).
            </>
          ) : (
            'The integration names no source event for this event yet: add one on the Integrations screen.'
          )}
        </p>
      )}
      {match.kind === 'eventName' && (
        <>
          <label className="field">
            <span className="field-label">Event name field</span>
            <input
              className="input mono"
              aria-label="Event name field"
              value={match.field}
              disabled={readOnly}
              onChange={(event) =>
                edit(setMatch(spec, { ...match, field: event.target.value || 'event_name' }), 'field')
              }
            />
          </label>
          <label className="field">
            <span className="field-label">Source event names (comma-separated)</span>
            <input
              className="input"
              aria-label="Source event names"
              value={match.sourceNames.join(', ')}
              disabled={readOnly}
              onChange={(event) => {
                const names = splitNames(event.target.value)
                edit(setMatch(spec, { ...match, sourceNames: names.length > 0 ? names : [''] }), 'names')
              }}
            />
          </label>
        </>
      )}
      {match.kind === 'expression' && (
        <label className="field">
          <span className="field-label">Condition (JSONata)</span>
          <input
            className="input mono"
            aria-label="Match condition"
            value={match.expression}
            disabled={readOnly}
            onChange={(event) =>
              edit(setMatch(spec, { ...match, expression: event.target.value || 'true' }), 'expression')
            }
          />
        </label>
      )}
      <FanOutField
        path={spec.fanOut?.path ?? ''}
        lists={lists}
        readOnly={readOnly}
        onTake={(path) => edit(setFanOut(spec, path), 'fanOut')}
      />
    </section>
  )
})
