import { useId } from 'react'
import type { DesignIssue } from '../../../shared/capillary/designIssue'
import { characterCount } from './characterCount'
import { FieldIssues } from './FieldIssues'

interface LimitedTextFieldProps {
  label: string
  value: string
  /** The most characters the field takes: its count shows near it, and its issues say when it is past it. */
  limit: number
  issues: readonly DesignIssue[]
  multiline?: boolean
  mono?: boolean
  wide?: boolean
  disabled?: boolean
  placeholder?: string
  onChange(value: string): void
}

/**
 * A labelled text field of the event form with its messages and character count under it, each named by the
 * field's `aria-describedby`; `aria-invalid` while it has an error. No `maxLength`: a paste past the limit is kept
 * whole and said so, rather than cut short without a word.
 */
export function LimitedTextField(props: LimitedTextFieldProps) {
  const { label, value, limit, issues, multiline, mono, wide, disabled, placeholder, onChange } = props
  const id = useId()
  const counted = characterCount(value.length, limit)
  const describedBy =
    [issues.length > 0 && `${id}-issues`, counted && `${id}-count`].filter(Boolean).join(' ') || undefined
  const input = {
    id,
    className: mono ? 'input mono' : 'input',
    value,
    disabled,
    placeholder,
    spellCheck: mono ? false : undefined,
    'aria-invalid': issues.some((issue) => issue.severity === 'error') || undefined,
    'aria-describedby': describedBy
  }
  return (
    <div className={wide ? 'field span-2' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...input} rows={2} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...input} onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldIssues issues={issues} id={`${id}-issues`} />
      {counted && (
        <span className="field-hint character-count" id={`${id}-count`}>
          {counted}
        </span>
      )}
    </div>
  )
}
