import { Download, RefreshCw } from 'lucide-react'
import type { PullEvent } from '../../../shared/model/publish'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { plural } from '../../ui/plural'
import { FieldComparisonTable } from './FieldComparisonTable'

const remoteWords = (remote: PullEvent['remote']) =>
  remote.state === 'absent'
    ? 'not in the org'
    : `${remote.status ?? remote.state}${remote.testStatus ? `, test ${remote.testStatus}` : ''}`

function OrgOnlyList({ events }: { events: PullEvent[] }) {
  const { publish } = useStudio()
  const chosen = useStudioStore(
    (s) => s.publish,
    (state) => state.pullChoices
  )
  return (
    <ul className="drift-list">
      {events.map((event) => (
        <li key={event.eventName} className="drift-item">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(event.eventName)}
              disabled={!event.importable}
              onChange={(change) => publish.getState().choosePull(event.eventName, change.target.checked)}
            />
            <span className="mono">{event.eventName}</span>
          </label>
          <span className="muted">
            {event.kind}, {remoteWords(event.remote)}
            {event.mappings.length > 0 &&
              `, ${plural(event.mappings.length, 'adapter mapping')} (${event.mappings
                .map((mapping) => mapping.transformer)
                .join(', ')})`}
          </span>
          {event.problems.length > 0 && (
            <ul className="field-issues field-error">
              {event.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  )
}

/** Drift with the chosen org: what it has that the project lacks, the reverse, and the differences field by field. */
export function DriftView({ profileName }: { profileName: string }) {
  const { publish } = useStudio()
  const pull = useStudioStore(
    (s) => s.publish,
    (state) => state.pull
  )
  const pulling = useStudioStore(
    (s) => s.publish,
    (state) => state.pulling
  )
  const pullError = useStudioStore(
    (s) => s.publish,
    (state) => state.pullError
  )
  const chosen = useStudioStore(
    (s) => s.publish,
    (state) => state.pullChoices.length
  )
  const importing = useStudioStore(
    (s) => s.publish,
    (state) => state.importing
  )
  const orgOnly = pull?.events.filter((event) => event.presence === 'org_only') ?? []
  const projectOnly = pull?.events.filter((event) => event.presence === 'project_only') ?? []
  const both = pull?.events.filter((event) => event.presence === 'both') ?? []
  return (
    <section className="drift" aria-labelledby="drift-heading">
      <header className="publish-section-header">
        <h2 id="drift-heading">Drift with {profileName}</h2>
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            disabled={pulling}
            onClick={() => void publish.getState().comparePull()}
          >
            <RefreshCw size={14} aria-hidden />{' '}
            {pulling ? 'Reading the org…' : pull ? 'Compare again' : 'Pull from org'}
          </button>
        </div>
      </header>
      <p className="muted">
        Reads the org’s events, webhooks and adapter mappings, changes nothing, and compares them with the project.
        Events only the org has can be imported as drafts.
      </p>
      {pullError && (
        <p className="field-error" role="alert">
          {pullError}
        </p>
      )}
      {!pull && !pullError && (
        <div className="empty-state small">
          <p>Not compared yet.</p>
          <p className="muted">Pull from org to see what {profileName} has that the project lacks, and the reverse.</p>
        </div>
      )}
      {pull && (
        <>
          <p className="muted">
            Read from {pull.target.name} (org {pull.target.orgId}) at {new Date(pull.readAt).toLocaleTimeString()}.
          </p>
          <h3>In the org, not in the project ({orgOnly.length})</h3>
          {orgOnly.length === 0 ? (
            <p className="muted">Nothing: every event of the org is in the project.</p>
          ) : (
            <>
              <OrgOnlyList events={orgOnly} />
              <div className="button-row">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={chosen === 0 || importing}
                  onClick={() => void publish.getState().applyPull()}
                >
                  <Download size={14} aria-hidden />
                  {importing ? 'Importing…' : `Import ${chosen} as ${chosen === 1 ? 'draft' : 'drafts'}`}
                </button>
              </div>
            </>
          )}
          <h3>In the project, not in the org ({projectOnly.length})</h3>
          {projectOnly.length === 0 ? (
            <p className="muted">Nothing: the org has every event of the project.</p>
          ) : (
            <ul className="drift-list">
              {projectOnly.map((event) => (
                <li key={event.eventName} className="drift-item">
                  <span className="mono">{event.eventName}</span> <span className="muted">{event.kind}</span>
                </li>
              ))}
            </ul>
          )}
          <h3>In both ({both.length})</h3>
          {both.length === 0 && <p className="muted">No event is in both.</p>}
          {both.map((event) => (
            <article key={event.eventName} className="drift-both" aria-labelledby={`drift-${event.eventName}`}>
              <h4 id={`drift-${event.eventName}`}>
                <span className="mono">{event.eventName}</span>{' '}
                <span className="muted">{remoteWords(event.remote)}</span>
              </h4>
              <FieldComparisonTable
                rows={event.comparison}
                caption={`${event.eventName}: the project against ${pull.target.name}`}
                direction="pull"
              />
            </article>
          ))}
          {pull.webhooks.length > 0 && (
            <>
              <h3>The org’s webhooks ({pull.webhooks.length})</h3>
              <table className="table">
                <caption className="publish-sr-only">Webhooks of {pull.target.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Transformer</th>
                    <th scope="col">Webhook URI</th>
                    <th scope="col">Till</th>
                    <th scope="col">Auth</th>
                  </tr>
                </thead>
                <tbody>
                  {pull.webhooks.map((webhook) => (
                    <tr key={webhook.webHookUri}>
                      <td>{webhook.transformer}</td>
                      <td className="mono">{webhook.webHookUri}</td>
                      <td className="mono">{webhook.tillCode}</td>
                      <td>{webhook.authEnabled ? (webhook.authMechanism ?? 'on') : 'none'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  )
}
