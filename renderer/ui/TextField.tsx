import type { InputHTMLAttributes, ReactNode } from 'react'

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  id: string
  label: ReactNode
  value: string | number
  onValue(value: string): void
  /** The rule this value breaks, shown under it and announced with it. */
  problem?: string
  hint?: ReactNode
  /** Spans both columns of a two-column form. */
  wide?: boolean
}

/** A labelled input with its problem and hint wired to it for screen readers (`aria-invalid`, `aria-describedby`). */
export function TextField({ id, label, value, onValue, problem, hint, wide, className, ...input }: TextFieldProps) {
  const problemId = `${id}-problem`
  const hintId = `${id}-hint`
  const describedBy = [problem ? problemId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className={wide ? 'field span-2' : 'field'}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        {...input}
        id={id}
        className={className ?? 'input'}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onValue(event.target.value)}
      />
      {problem && (
        <span className="field-issues field-error" id={problemId}>
          {problem}
        </span>
      )}
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  )
}
