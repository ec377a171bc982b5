import { useState } from 'react'
import { Retention } from '../../../shared/model/listenerSettings'
import { ConfirmDialog } from '../../ui/ConfirmDialog'

interface RetentionControlProps {
  /** Prefixes the inputs' ids (one control per integration on a screen). */
  id: string
  /** Whose captures, for the labels and the confirmation: "this integration's captures". */
  whose: string
  retention: Retention
  disabled: boolean
  busy: boolean
  refusal: string | undefined
  /** Sets and applies the retention; answers how many captures it deleted, or null when it was refused. */
  onApply(retention: Retention): Promise<number | null>
}

type Kind = Retention['kind']

const kindLabels: Record<Kind, string> = {
  all: 'All of them, until deleted',
  count: 'The newest…',
  days: 'Those of the last…'
}

const amountOf = (retention: Retention) =>
  retention.kind === 'count' ? String(retention.count) : retention.kind === 'days' ? String(retention.days) : ''

/** A retention as typed: the rule it breaks, if any. */
function parseRetention(kind: Kind, amount: string): { retention: Retention } | { problem: string } {
  const value = Number(amount.trim())
  const candidate = kind === 'all' ? { kind } : kind === 'count' ? { kind, count: value } : { kind, days: value }
  if (kind !== 'all' && (amount.trim() === '' || !Number.isInteger(value))) return { problem: 'Give a whole number.' }
  const parsed = Retention.safeParse(candidate)
  if (parsed.success) return { retention: parsed.data }
  return {
    problem: kind === 'count' ? 'Give a number from 1 to 10,000,000.' : 'Give a number of days from 1 to 3,650.'
  }
}

export function describeRetention(retention: Retention): string {
  if (retention.kind === 'all') return 'kept until deleted'
  if (retention.kind === 'count') return `the newest ${retention.count.toLocaleString('en')} kept`
  return `kept ${retention.days} ${retention.days === 1 ? 'day' : 'days'}`
}

/** What a retention that deletes keeps, as a sentence's subject: "Only the newest 100 of unmatched captures". */
function keptPart(retention: Retention, whose: string): string {
  if (retention.kind === 'count') return `Only the newest ${retention.count.toLocaleString('en')} of ${whose}`
  if (retention.kind === 'days')
    return `Only ${whose} of the last ${retention.days} ${retention.days === 1 ? 'day' : 'days'}`
  return `All ${whose}`
}

/**
 * How long captures are kept: all, the newest N, or those of the last N days. Applying it deletes what lies beyond
 * at once, so a rule that deletes is confirmed first.
 */
export function RetentionControl({ id, whose, retention, disabled, busy, refusal, onApply }: RetentionControlProps) {
  // What the user chose, until it is applied; the retention in force otherwise.
  const [edited, setEdited] = useState<{ kind: Kind; amount: string } | null>(null)
  const [confirming, setConfirming] = useState<Retention | null>(null)
  const [outcome, setOutcome] = useState<string | null>(null)
  const { kind, amount } = edited ?? { kind: retention.kind, amount: amountOf(retention) }
  const edit = (next: { kind: Kind; amount: string }) => {
    setEdited(next)
    setOutcome(null)
  }

  const parsed = parseRetention(kind, amount)
  const changed = 'retention' in parsed && JSON.stringify(parsed.retention) !== JSON.stringify(retention)
  const apply = async (next: Retention) => {
    setConfirming(null)
    const deleted = await onApply(next)
    if (deleted !== null) {
      setEdited(null)
      const deletedText = `${deleted} older ${deleted === 1 ? 'capture' : 'captures'} deleted`
      setOutcome(deleted === 0 ? 'Applied: nothing to delete.' : `Applied: ${deletedText}.`)
    }
  }
  const problem = 'problem' in parsed ? parsed.problem : refusal

  return (
    <div className="retention-control">
      <div className="retention-row">
        <label className="field">
          <span className="field-label">Keep {whose}</span>
          <select
            id={`${id}-kind`}
            className="input"
            value={kind}
            disabled={disabled}
            onChange={(event) => {
              const next = event.target.value as Kind
              edit({ kind: next, amount: next === 'all' || amount !== '' ? amount : next === 'count' ? '1000' : '30' })
            }}
          >
            {(Object.keys(kindLabels) as Kind[]).map((option) => (
              <option key={option} value={option}>
                {kindLabels[option]}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'all' && (
          <label className="field retention-amount">
            <span className="field-label">{kind === 'count' ? 'Captures' : 'Days'}</span>
            <input
              id={`${id}-amount`}
              className="input"
              inputMode="numeric"
              value={amount}
              disabled={disabled}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(event) => edit({ kind, amount: event.target.value })}
            />
          </label>
        )}
        <button
          type="button"
          className="button"
          disabled={disabled || busy || !changed}
          onClick={() => {
            if (!('retention' in parsed)) return
            if (parsed.retention.kind === 'all') void apply(parsed.retention)
            else setConfirming(parsed.retention)
          }}
        >
          {busy ? 'Applying…' : 'Apply'}
        </button>
      </div>
      {problem && (
        <span className="field-issues field-error" id={`${id}-problem`}>
          {problem}
        </span>
      )}
      {outcome && (
        <span className="field-hint" role="status">
          {outcome}
        </span>
      )}
      {confirming && (
        <ConfirmDialog
          title="Delete older captures now?"
          message={`${keptPart(confirming, whose)} are kept: older ones are deleted now, and from then on as new ones arrive. Deleted captures cannot be brought back.`}
          confirmLabel="Apply and delete"
          onConfirm={() => void apply(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </div>
  )
}
