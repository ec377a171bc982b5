import { CircleAlert, TriangleAlert } from 'lucide-react'
import type { PublishAction, PublishPlan, PublishPlanEvent } from '../../../shared/model/publish'
import { plural } from '../../ui/plural'
import { FieldComparisonTable } from './FieldComparisonTable'
import { IntegrationDeliveries } from './IntegrationDeliveries'
import { RequestPreviewList } from './RequestPreviewList'

const actionLabels: Record<PublishAction, string> = {
  create: 'Create',
  replace: 'Replace the whole definition',
  enable: 'Enable the standard event',
  enable_then_replace: 'Enable, then replace the definition',
  none: 'Nothing to send'
}

const remoteLabel = (remote: PublishPlanEvent['remote']) => {
  if (remote.state === 'absent') return 'Not in the org yet'
  const test = remote.testStatus ? `, test ${remote.testStatus}` : ''
  return remote.state === 'published' ? `Published in the org${test}` : `In the org, unpublished${test}`
}

/** The quota of active custom events (10 per org, notes §1.1), now and after this publish. */
export function QuotaLine({ quota }: { quota: PublishPlan['quota'] }) {
  const over = quota.afterPublish > quota.limit
  return (
    <p className={over ? 'quota quota-over' : 'quota'} data-testid="publish-quota">
      Custom events active on the org: <strong>{quota.active}</strong> of {quota.limit}
      {quota.afterPublish !== quota.active && <>, {quota.afterPublish} after this publish</>}.
      {over && ' Disable one on Capillary first (irreversible), or use a standard event.'}
    </p>
  )
}

/** Ready, ready with warnings (Capillary may still refuse it: the warnings say why), or blocked. */
function ReadinessChip({ event }: { event: PublishPlanEvent }) {
  if (!event.ready) return <span className="chip chip-error">Blocked</span>
  if (event.warnings.length > 0) return <span className="chip chip-warning">Ready, with warnings</span>
  return <span className="chip chip-ok">Ready</span>
}

function PlanEventCard({ event, targetName }: { event: PublishPlanEvent; targetName: string }) {
  const headingId = `plan-${event.eventId}`
  return (
    <article className="plan-event" aria-labelledby={headingId}>
      <header className="plan-event-header">
        <h3 id={headingId} className="mono">
          {event.eventName}
        </h3>
        <ReadinessChip event={event} />
        <span className="chip chip-draft">{actionLabels[event.action]}</span>
        <span className="muted">{remoteLabel(event.remote)}</span>
      </header>
      {event.blockers.length > 0 && (
        <ul className="plan-blockers" aria-label={`Why ${event.eventName} cannot be published`}>
          {event.blockers.map((blocker) => (
            <li key={`${blocker.code}-${blocker.message}`}>
              <CircleAlert size={14} aria-hidden /> {blocker.message}
            </li>
          ))}
        </ul>
      )}
      {event.warnings.length > 0 && (
        <ul className="plan-warnings" aria-label={`Warnings for ${event.eventName}`}>
          {event.warnings.map((warning) => (
            <li key={warning}>
              <TriangleAlert size={14} aria-hidden /> {warning}
            </li>
          ))}
        </ul>
      )}
      <h4>Field by field: the project against {targetName}</h4>
      <FieldComparisonTable
        rows={event.comparison}
        caption={`${event.eventName}: the project against ${targetName}`}
        direction="publish"
      />
      <h4>Integrations</h4>
      <IntegrationDeliveries eventName={event.eventName} items={event.integrations} />
      <h4>Requests</h4>
      <RequestPreviewList eventName={event.eventName} requests={event.requests} />
    </article>
  )
}

/** The dry run, always shown before publishing: the org read, ours against theirs, and the exact requests. */
export function DryRunView({ plan, used }: { plan: PublishPlan; used: boolean }) {
  const ready = plan.events.filter((event) => event.ready)
  const warned = ready.filter((event) => event.warnings.length > 0).length
  return (
    <section className="dry-run" aria-labelledby="dry-run-heading">
      <h2 id="dry-run-heading">{used ? 'Dry run, before the last publish' : 'Dry run'}</h2>
      <p className="muted">
        Read from {plan.target.name} (org {plan.target.orgId}, {plan.target.baseUrl}) at{' '}
        {new Date(plan.readAt).toLocaleTimeString()}. Nothing was changed. {ready.length} of{' '}
        {plural(plan.events.length, 'event')} ready to publish{warned > 0 && `, ${warned} with warnings`}.
      </p>
      <QuotaLine quota={plan.quota} />
      {plan.events.map((event) => (
        <PlanEventCard key={event.eventId} event={event} targetName={plan.target.name} />
      ))}
    </section>
  )
}
