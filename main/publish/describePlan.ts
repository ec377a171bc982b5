import type {
  FieldComparison,
  PublishPlan,
  PublishProgress,
  PublishRequestPreview,
  PullPlan
} from '../../shared/model/publish'

const sign = { added: '+', removed: '-', changed: '~', same: '=' } as const

/** One comparison row as text: `+ fields.age  double isRequired=false  |  —`. */
export const comparisonLine = (entry: FieldComparison): string =>
  `${sign[entry.change]} ${entry.field}  ${entry.ours ?? '—'}  |  ${entry.theirs ?? '—'}`

export function requestLines(request: PublishRequestPreview): string[] {
  const query = new URLSearchParams(request.query).toString()
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ')
  return [
    `${request.method} ${request.path}${query ? `?${query}` : ''}${request.note ? `  (${request.note})` : ''}`,
    `    ${headers}`,
    ...(request.body === null || request.body === undefined ? [] : [`    ${JSON.stringify(request.body)}`])
  ]
}

/** The dry run as the CLI prints it: per event, readiness, ours against theirs, deliveries, the exact requests. */
export function describePlan(plan: PublishPlan): string[] {
  const lines = [
    `Publish plan for ${targetOf(plan.target)}: ` +
      `${plan.quota.active} of ${plan.quota.limit} custom events active, ${plan.quota.afterPublish} after publishing.`
  ]
  if (plan.events.length === 0) lines.push('No event to publish.')
  for (const event of plan.events) {
    lines.push(
      '',
      `${event.eventName} (${event.kind}): ${event.ready ? 'ready' : 'blocked'}; the org has it ${event.remote.state}` +
        `${event.remote.status ? ` (${event.remote.status})` : ''}; action: ${event.action}`
    )
    for (const blocker of event.blockers) lines.push(`  blocked (${blocker.code}): ${blocker.message}`)
    for (const warning of event.warnings) lines.push(`  warning: ${warning}`)
    const changes = event.comparison.filter((entry) => entry.change !== 'same')
    lines.push(`  ours | theirs: ${changes.length === 0 ? 'the same' : `${changes.length} difference(s)`}`)
    for (const entry of changes) lines.push(`    ${comparisonLine(entry)}`)
    for (const delivery of event.integrations) {
      lines.push(
        `  ${delivery.integrationName}: ${delivery.delivery === 'adapter_mapping' ? "Capillary's adapter mapping" : 'relayed by the studio'}` +
          ` through the ${delivery.transformer} webhook (${delivery.webhook.exists ? 'exists' : 'to be created'}, auth ${delivery.webhook.auth}${delivery.webhook.authAssumed ? ', assumed: Capillary does not list it' : ''})` +
          (delivery.reasons.length > 0 ? `: ${delivery.reasons.join(' ')}` : '')
      )
    }
    lines.push('  requests:')
    for (const request of event.requests) lines.push(...requestLines(request).map((line) => `    ${line}`))
  }
  return lines
}

export const progressLine = (progress: PublishProgress): string =>
  `${progress.eventName}  ${progress.step}  ${progress.message}`

/** The pull/drift view as text. */
export function describePull(plan: PullPlan): string[] {
  const lines = [`Org ${targetOf(plan.target)}:`]
  const label = { org_only: 'only in the org', project_only: 'only in the project', both: 'in both' } as const
  for (const event of plan.events) {
    const changes = event.comparison.filter((entry) => entry.change !== 'same')
    lines.push(
      `${event.eventName} (${event.kind}): ${label[event.presence]}; the org has it ${event.remote.state}` +
        (event.presence === 'both'
          ? `; ${changes.length === 0 ? 'the same' : `${changes.length} difference(s)`}`
          : '') +
        (event.problems.length > 0 ? `; cannot be imported: ${event.problems.join(' ')}` : '')
    )
    if (event.presence === 'both') for (const entry of changes) lines.push(`    ${comparisonLine(entry)}`)
    for (const mapping of event.mappings) {
      lines.push(
        `  ${mapping.transformer} mapping: ${mapping.sourceNames.join(', ') || event.eventName} → ${event.eventName}; ` +
          (mapping.fieldMappings
            .map((entry) => `${entry.eventFieldName} ← ${entry.sourceFieldName ?? entry.eventFieldName}`)
            .join(', ') || 'same-name fields')
      )
    }
  }
  for (const webhook of plan.webhooks) {
    lines.push(
      `webhook ${webhook.transformer}: ${webhook.webHookUri} (till ${webhook.tillCode || '—'}, ` +
        `${webhook.authEnabled ? `auth ${webhook.authMechanism ?? 'on'}` : 'no auth'})`
    )
  }
  return lines
}

/** A profile by its name, its org and where it is; a bare base URL (`--base-url`, no profile) once. */
function targetOf(target: { name: string; orgId?: string | null | undefined; baseUrl: string }): string {
  const org = target.orgId ? ` (org ${target.orgId})` : ''
  return target.name === target.baseUrl ? `${target.baseUrl}${org}` : `${target.name}${org} at ${target.baseUrl}`
}
