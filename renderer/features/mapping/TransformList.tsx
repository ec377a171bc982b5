import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react'
import { useId, useState } from 'react'
import { capillaryDateFormats } from '../../../shared/capillary/implicitAttributes'
import type { Transform, TransformKind } from '../../../shared/model/mapping'
import { transformLabels } from '../../../shared/model/transformLabels'
import { newTransform } from './mappingEdits'

interface TransformListProps {
  transforms: Transform[]
  disabled: boolean
  /** `touched` names the option edited, so typing in one option is one undo step. */
  onChange(transforms: Transform[], touched: string): void
}

/** A rule's transforms as an ordered list: each step with its options, moved, removed, or added at the end. */
export function TransformList({ transforms, disabled, onChange }: TransformListProps) {
  const addId = useId()
  const [adding, setAdding] = useState<TransformKind>('trim')
  const update = (index: number, transform: Transform, option: string) =>
    onChange(
      transforms.map((candidate, position) => (position === index ? transform : candidate)),
      `transforms/${index}/${option}`
    )
  const move = (index: number, offset: number) => {
    const next = [...transforms]
    const [moved] = next.splice(index, 1)
    if (moved) next.splice(index + offset, 0, moved)
    onChange(next, `transforms/move/${index}`)
  }
  return (
    <div className="transform-list">
      <ol aria-label="Transforms">
        {transforms.map((transform, index) => (
          <li key={index} className="transform-step">
            <div className="transform-head">
              <span className="transform-name">
                {index + 1}. {transformLabels[transform.kind]}
              </span>
              <span className="transform-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move transform ${index + 1} up`}
                  disabled={disabled || index === 0}
                  onClick={() => move(index, -1)}
                >
                  <ArrowUp size={14} />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move transform ${index + 1} down`}
                  disabled={disabled || index === transforms.length - 1}
                  onClick={() => move(index, 1)}
                >
                  <ArrowDown size={14} />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove transform ${index + 1}`}
                  disabled={disabled}
                  onClick={() =>
                    onChange(
                      transforms.filter((_, position) => position !== index),
                      `transforms/remove/${index}`
                    )
                  }
                >
                  <Trash2 size={14} />
                </button>
              </span>
            </div>
            <TransformOptions
              index={index}
              transform={transform}
              disabled={disabled}
              onChange={(next, option) => update(index, next, option)}
            />
          </li>
        ))}
      </ol>
      {/* Set apart from the list, under its own label: it adds a step, it does not edit the one above. */}
      <div className="transform-add">
        <label className="field-label transform-add-label" htmlFor={addId}>
          Transform to add
        </label>
        <select
          id={addId}
          className="input"
          value={adding}
          disabled={disabled}
          onChange={(event) => setAdding(event.target.value as TransformKind)}
        >
          {Object.entries(transformLabels).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => onChange([...transforms, newTransform(adding)], `transforms/add/${transforms.length}`)}
        >
          <Plus size={14} /> Add transform
        </button>
      </div>
    </div>
  )
}

interface OptionsProps {
  index: number
  transform: Transform
  disabled: boolean
  onChange(transform: Transform, option: string): void
}

const textOf = (value: string | number | boolean | undefined) => (value === undefined ? '' : String(value))
/** A typed value: numbers and booleans as themselves, anything else as text. */
function scalarOf(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true'
  if (text.trim() !== '' && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text)
  return text
}

function Option({
  label,
  value,
  disabled,
  onValue
}: {
  label: string
  value: string
  disabled: boolean
  onValue(value: string): void
}) {
  return (
    <label className="field transform-option">
      <span className="field-label">{label}</span>
      <input
        className="input"
        aria-label={label}
        value={value}
        disabled={disabled}
        onChange={(event) => onValue(event.target.value)}
      />
    </label>
  )
}

/** The options of one step, each labelled "Transform <n> <option>" so they can be found by name. */
function TransformOptions({ index, transform, disabled, onChange }: OptionsProps) {
  const name = (option: string) => `Transform ${index + 1} ${option}`
  switch (transform.kind) {
    case 'parseDate':
      return (
        <div className="transform-options">
          <Option
            label={name('formats')}
            value={transform.formats.join(', ')}
            disabled={disabled}
            onValue={(value) => {
              const formats = value
                .split(',')
                .map((entry) => entry.trim())
                .filter((entry) => entry !== '')
              onChange({ ...transform, formats: formats.length > 0 ? formats : ['iso8601'] }, 'formats')
            }}
          />
          <Option
            label={name('time zone')}
            value={transform.timeZone}
            disabled={disabled}
            onValue={(value) => onChange({ ...transform, timeZone: value || 'UTC' }, 'timeZone')}
          />
        </div>
      )
    case 'formatDate':
      return (
        <div className="transform-options">
          <label className="field transform-option">
            <span className="field-label">{name('format')}</span>
            <select
              className="input"
              aria-label={name('format')}
              value={transform.format}
              disabled={disabled}
              onChange={(event) => onChange({ ...transform, format: event.target.value }, 'format')}
            >
              {capillaryDateFormats.map((format) => (
                <option key={format} value={format}>
                  {format}
                </option>
              ))}
            </select>
          </label>
          <Option
            label={name('time zone')}
            value={transform.timeZone}
            disabled={disabled}
            onValue={(value) => onChange({ ...transform, timeZone: value || 'UTC' }, 'timeZone')}
          />
        </div>
      )
    case 'lookup': {
      const rows = Object.entries(transform.table)
      const setRows = (next: [string, string | number | boolean][], option: string) =>
        onChange({ ...transform, table: Object.fromEntries(next) }, option)
      return (
        <div className="transform-options lookup-table">
          {rows.map(([key, value], row) => (
            <div key={row} className="lookup-row">
              <input
                className="input"
                aria-label={name(`row ${row + 1} from`)}
                value={key}
                disabled={disabled}
                onChange={(event) =>
                  setRows(
                    rows.map((entry, position) => (position === row ? [event.target.value, entry[1]] : entry)),
                    `table/${row}/key`
                  )
                }
              />
              <span aria-hidden>→</span>
              <input
                className="input"
                aria-label={name(`row ${row + 1} to`)}
                value={textOf(value)}
                disabled={disabled}
                onChange={(event) =>
                  setRows(
                    rows.map((entry, position) =>
                      position === row ? [entry[0], scalarOf(event.target.value)] : entry
                    ),
                    `table/${row}/value`
                  )
                }
              />
              <button
                type="button"
                className="icon-button"
                aria-label={name(`remove row ${row + 1}`)}
                disabled={disabled}
                onClick={() =>
                  setRows(
                    rows.filter((_, position) => position !== row),
                    `table/remove/${row}`
                  )
                }
              >
                <Trash2 size={14} />
              </button>
            </div>
          ))}
          <button
            type="button"
            className="link-button"
            disabled={disabled || Object.hasOwn(transform.table, '')}
            onClick={() => setRows([...rows, ['', '']], `table/add/${rows.length}`)}
          >
            Add row to transform {index + 1}
          </button>
          <Option
            label={name('fallback')}
            value={textOf(transform.fallback)}
            disabled={disabled}
            onValue={(value) => {
              const { fallback: _dropped, ...rest } = transform
              onChange(value === '' ? rest : { ...rest, fallback: scalarOf(value) }, 'fallback')
            }}
          />
        </div>
      )
    }
    case 'default':
      return (
        <div className="transform-options">
          <Option
            label={name('value')}
            value={textOf(transform.value)}
            disabled={disabled}
            onValue={(value) => onChange({ ...transform, value: scalarOf(value) }, 'value')}
          />
        </div>
      )
    case 'template':
      return (
        <div className="transform-options">
          <Option
            label={name('template')}
            value={transform.template}
            disabled={disabled}
            onValue={(value) => onChange({ ...transform, template: value }, 'template')}
          />
        </div>
      )
    case 'split':
    case 'join':
      return (
        <div className="transform-options">
          <Option
            label={name('separator')}
            value={transform.separator}
            disabled={disabled}
            onValue={(value) => onChange({ ...transform, separator: value }, 'separator')}
          />
        </div>
      )
    case 'mask':
      return (
        <div className="transform-options">
          <Option
            label={name('keep start')}
            value={String(transform.keepStart)}
            disabled={disabled}
            onValue={(value) =>
              onChange({ ...transform, keepStart: Math.max(0, Math.min(50, Number(value) || 0)) }, 'keepStart')
            }
          />
          <Option
            label={name('keep end')}
            value={String(transform.keepEnd)}
            disabled={disabled}
            onValue={(value) =>
              onChange({ ...transform, keepEnd: Math.max(0, Math.min(50, Number(value) || 0)) }, 'keepEnd')
            }
          />
        </div>
      )
    default:
      return null
  }
}
