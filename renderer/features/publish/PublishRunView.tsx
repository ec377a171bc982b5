import { Check, CircleX, Hourglass, Loader, Lock, Square } from 'lucide-react'
import type { PublishProgress, PublishRunState, PublishVerdict } from '../../../shared/model/publish'
import { LastStepPanel } from './LastStepPanel'
import { stepLabels, stepOrder } from './stepLabels'
import { stepStates, type StepState } from './stepStates'
import { verdictAdvice } from './verdictAdvice'

const stateWords: Record<StepState, string> = {
  done: 'done',
  active: 'in progress',
  waiting: 'waiting for you',
  failed: 'failed',
  pending: 'not yet'
}

const stateIcons: Record<StepState, typeof Check | null> = {
  done: Check,
  active: Loader,
  waiting: Hourglass,
  failed: CircleX,
  pending: null
}

function Verdict({ verdict }: { verdict: PublishVerdict }) {
  return verdict.ok ? (
    <p className="verdict verdict-ok" role="status">
      <Check size={14} aria-hidden /> Capillary’s logs: <span className="mono">{verdict.status}</span>
      {verdict.message && <> — {verdict.message}</>}
    </p>
  ) : (
    <div className="verdict verdict-failed" role="alert">
      <p>
        <CircleX size={14} aria-hidden /> Capillary’s logs: <span className="mono">{verdict.status}</span>
        {verdict.message && <> — {verdict.message}</>}
      </p>
      <p>{verdictAdvice(verdict)}</p>
    </div>
  )
}

interface PublishRunViewProps {
  run: PublishRunState
  history: Record<string, PublishProgress[]>
  /** The events' names, for those not reported yet. */
  eventName(eventId: string): string
  /** Whether the event is locked for this profile (published). */
  isLocked(eventId: string): boolean
  /** The verdict main kept for the event (publish state), when its progress carried none. */
  lastVerdict(eventId: string): PublishVerdict | null
  profileName: string
  checking: boolean
  busyEventId: string | null
  onCancel(): void
  onCheckAgain(): void
  onMarkPublished(eventId: string): void
}

/** A publish run, one stepper per event: where each is, the logs' verdict, and the last step left to a person. */
export function PublishRunView({
  run,
  history,
  eventName,
  isLocked,
  lastVerdict,
  profileName,
  checking,
  busyEventId,
  onCancel,
  onCheckAgain,
  onMarkPublished
}: PublishRunViewProps) {
  return (
    <section className="publish-run" aria-labelledby="publish-run-heading">
      <header className="publish-run-header">
        <h2 id="publish-run-heading">{run.running ? 'Publishing' : 'Last publish'}</h2>
        {run.running && (
          <button type="button" className="button" onClick={onCancel}>
            <Square size={14} aria-hidden /> Cancel
          </button>
        )}
      </header>
      {run.eventIds.map((eventId) => {
        const steps = history[eventId] ?? []
        const latest = run.events.find((event) => event.eventId === eventId) ?? steps.at(-1)
        const name = latest?.eventName ?? eventName(eventId)
        const locked = isLocked(eventId)
        const states = stepStates(steps, locked)
        const reported = latest?.verdict ?? [...steps].reverse().find((step) => step.verdict)?.verdict
        // The run's own verdict first; main's kept one once the event got past the logs (a run adopted midway).
        const reachedLogs = steps.some((step) => step.step === 'logs' || step.step === 'awaiting_publish')
        const verdict = reported ?? (reachedLogs || locked ? lastVerdict(eventId) : null)
        return (
          <article key={eventId} className="run-event" aria-label={`Publishing ${name}`}>
            <h3 className="mono">{name}</h3>
            <ol className="stepper" aria-label={`Steps of ${name}`}>
              {stepOrder.map((step) => {
                const state = states[step as keyof typeof states]
                const Icon = stateIcons[state]
                return (
                  <li
                    key={step}
                    className={`step step-${state}`}
                    aria-current={state === 'active' || state === 'waiting' ? 'step' : undefined}
                  >
                    <span className="step-marker" aria-hidden>
                      {Icon ? <Icon size={12} /> : null}
                    </span>
                    <span className="step-label">{stepLabels[step]}</span>
                    <span className="publish-sr-only">: {stateWords[state]}</span>
                  </li>
                )
              })}
            </ol>
            {/* At the InTouch step the panel below says it all, with its buttons. */}
            {!locked && latest?.step !== 'awaiting_publish' && (
              <p className="run-message" aria-live="polite">
                {latest ? latest.message : 'Waiting for its turn.'}
              </p>
            )}
            {verdict && <Verdict verdict={verdict} />}
            {locked ? (
              <p className="locked-note" role="status">
                <Lock size={14} aria-hidden /> {name} is published on {profileName} and locked: Capillary no longer lets
                its fields change. Make a new version to change it.
              </p>
            ) : (
              latest?.step === 'awaiting_publish' && (
                <LastStepPanel
                  eventName={name}
                  profileName={profileName}
                  checking={checking}
                  busy={busyEventId === eventId}
                  onCheckAgain={onCheckAgain}
                  onMarkPublished={() => onMarkPublished(eventId)}
                />
              )
            )}
          </article>
        )
      })}
    </section>
  )
}
