import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react'
import { useId, useState } from 'react'
import { attributeTypes, supportsOption } from '../../../shared/capillary/attributeTypes'
import { capillaryLimits } from '../../../shared/capillary/capillaryLimits'
import type { DesignIssue } from '../../../shared/capillary/designIssue'
import { customerDefaults } from '../../../shared/capillary/sourceAccounts'
import { attributeLimits, type AttributeDraft, type AttributeType } from '../../../shared/model/event'
import { characterCount } from './characterCount'
import { CustomerSettingsFields } from './CustomerSettingsFields'
import { FieldIssues } from './FieldIssues'
import { issuesAt } from './issuesAt'
import { LimitedTextField } from './LimitedTextField'

interface AttributeRowProps {
  attribute: AttributeDraft
  index: number
  issues: readonly DesignIssue[]
  locked: boolean
  onChange(attribute: AttributeDraft): void
  onRemove(): void
  /** Moves the attribute up (-1) or down (+1). */
  onMove(offset: -1 | 1): void
  isFirst: boolean
  isLast: boolean
  /** Just added: its name field takes the focus, and is not called empty before the user has left it. */
  isNew?: boolean
}

const typeOptions = Object.values(attributeTypes)

/** One attribute: name, type, flags, and the options its type takes, each with its rule messages. */
export function AttributeRow(props: AttributeRowProps) {
  const { attribute, index, issues, locked, onChange, onRemove, onMove, isFirst, isLast } = props
  const path = `attributes/${index}`
  const fixed = locked || attribute.standard
  const set = (patch: Partial<AttributeDraft>) => onChange({ ...attribute, ...patch })
  const changeType = (type: AttributeType) =>
    set({
      type,
      customer: type === 'customer' ? (attribute.customer ?? { ...customerDefaults }) : undefined,
      possibleValues: type === 'enum' ? (attribute.possibleValues ?? []) : undefined,
      regex: supportsOption(type, 'regex') ? attribute.regex : undefined,
      isRequired: type === 'customer' ? true : attribute.isRequired,
      isPsiData: supportsOption(type, 'isPsiData') ? attribute.isPsiData : false
    })
  const [nameVisited, setNameVisited] = useState(!props.isNew)
  const nameIssues = issuesAt(issues, `${path}/name`).filter(
    (issue) => nameVisited || issue.code !== 'attribute_name_empty'
  )
  // Capillary's limit (50) is the one that matters for a name: the count shows as a name nears it.
  const nameCount = characterCount(attribute.name.length, capillaryLimits.attributeNameLength)
  const id = useId()
  const valueIssues = issuesAt(issues, `${path}/possibleValues`, true)
  const nameDescribedBy =
    [nameIssues.length > 0 && `${id}-name-issues`, nameCount && `${id}-name-count`].filter(Boolean).join(' ') ||
    undefined

  return (
    <li
      className="attribute"
      data-testid={`attribute-${index}`}
      onKeyDown={(event) => {
        // Alt+Arrow moves the attribute, as in code editors' "move line".
        if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
        event.preventDefault()
        if (event.key === 'ArrowUp' && !isFirst) onMove(-1)
        if (event.key === 'ArrowDown' && !isLast) onMove(1)
      }}
    >
      <div className="attribute-main">
        <label className="field attribute-name">
          <span className="field-label">Name</span>
          <input
            className="input mono"
            value={attribute.name}
            disabled={fixed}
            spellCheck={false}
            aria-invalid={nameIssues.some((issue) => issue.severity === 'error') || undefined}
            aria-label={`Attribute ${index + 1} name`}
            aria-describedby={nameDescribedBy}
            autoFocus={props.isNew}
            onBlur={() => setNameVisited(true)}
            onChange={(event) => set({ name: event.target.value })}
          />
        </label>
        <div className="attribute-settings">
          <label className="field">
            <span className="field-label">Type</span>
            <select
              className="input"
              value={attribute.type}
              disabled={fixed}
              aria-label={`Attribute ${index + 1} type`}
              onChange={(event) => changeType(event.target.value as AttributeType)}
            >
              {typeOptions.map((info) => (
                <option key={info.type} value={info.type}>
                  {info.label}
                  {info.apiEncodingDocumented ? '' : ' (undocumented in the API)'}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={attribute.isRequired}
              disabled={fixed || attribute.type === 'customer'}
              onChange={(event) => set({ isRequired: event.target.checked })}
            />
            Required
          </label>
          <label
            className="checkbox"
            title="Part of the uniqueness key; implies required; cannot be unset once on Capillary."
          >
            <input
              type="checkbox"
              checked={attribute.isUniqueKeyField}
              disabled={fixed}
              onChange={(event) =>
                set({
                  isUniqueKeyField: event.target.checked,
                  isRequired: event.target.checked || attribute.isRequired
                })
              }
            />
            Unique key
          </label>
          {supportsOption(attribute.type, 'isPsiData') && (
            <label className="checkbox" title="Personal or sensitive data: masked for users without PSI access.">
              <input
                type="checkbox"
                checked={attribute.isPsiData}
                disabled={fixed}
                onChange={(event) => set({ isPsiData: event.target.checked })}
              />
              PSI
            </label>
          )}
        </div>
        <div className="attribute-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move attribute ${attribute.name || index + 1} up`}
            title="Move up (Alt+↑)"
            disabled={locked || isFirst}
            onClick={() => onMove(-1)}
          >
            <ArrowUp size={15} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move attribute ${attribute.name || index + 1} down`}
            title="Move down (Alt+↓)"
            disabled={locked || isLast}
            onClick={() => onMove(1)}
          >
            <ArrowDown size={15} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove attribute ${attribute.name || index + 1}`}
            title="Remove this attribute"
            disabled={fixed}
            onClick={onRemove}
          >
            <Trash2 size={15} />
          </button>
        </div>
      </div>
      <FieldIssues issues={nameIssues} id={`${id}-name-issues`} />
      {nameCount && (
        <span className="field-hint character-count" id={`${id}-name-count`}>
          {nameCount}
        </span>
      )}
      {attribute.type === 'enum' && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-values`}>
            Possible values (comma-separated, no spaces after commas)
          </label>
          <input
            id={`${id}-values`}
            className="input mono"
            value={(attribute.possibleValues ?? []).join(',')}
            disabled={fixed}
            spellCheck={false}
            aria-invalid={valueIssues.some((issue) => issue.severity === 'error') || undefined}
            aria-describedby={valueIssues.length > 0 ? `${id}-values-issues` : undefined}
            onChange={(event) =>
              set({ possibleValues: event.target.value === '' ? [] : event.target.value.split(',') })
            }
          />
          <FieldIssues issues={valueIssues} id={`${id}-values-issues`} />
        </div>
      )}
      {supportsOption(attribute.type, 'regex') && (
        <LimitedTextField
          label="Regex (optional)"
          value={attribute.regex ?? ''}
          limit={attributeLimits.regexLength}
          issues={issuesAt(issues, `${path}/regex`)}
          mono
          disabled={fixed}
          onChange={(regex) => set({ regex: regex === '' ? undefined : regex })}
        />
      )}
      {attribute.type === 'customer' && attribute.customer && (
        <CustomerSettingsFields
          settings={attribute.customer}
          accountIdIssues={issuesAt(issues, `${path}/customer/accountId`)}
          disabled={fixed}
          onChange={(customer) => set({ customer })}
        />
      )}
      <FieldIssues
        issues={issues.filter(
          (issue) =>
            (issue.path === path || issue.path.startsWith(`${path}/`)) &&
            !/\/(name|regex|possibleValues|customer\/accountId)(\/|$)/.test(issue.path.slice(path.length))
        )}
      />
    </li>
  )
}
