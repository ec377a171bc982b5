import type { MergeChoice, MergeChoices, MergeItem, MergePlan } from '../../../shared/api/bundles'

const choiceLabels: Record<MergeChoice, string> = {
  'keep-mine': 'Keep mine',
  'take-theirs': 'Take theirs',
  'keep-both': 'Keep both (theirs renamed)'
}

const stateLabels: Record<MergeItem['state'], string> = {
  new: 'New',
  identical: 'Identical',
  conflict: 'Conflict'
}

/** A difference only one side made since the export still asks for a choice, but is a change, not a clash. */
const stateLabelOf = (item: MergeItem) =>
  item.state === 'conflict' && item.changedOnlyIn ? 'Changed' : stateLabels[item.state]

const changedOnlyNotes: Record<NonNullable<MergeItem['changedOnlyIn']>, string> = {
  bundle: 'Only the bundle changed it since it was exported.',
  project: 'Only this project changed it since the bundle was exported.'
}

/** The merge preview: one row per event and integration of the bundle, a choice on each conflict. */
export function MergePlanTable({
  plan,
  choices,
  onChoose
}: {
  plan: MergePlan
  choices: MergeChoices
  onChoose(what: keyof MergeChoices, key: string, choice: MergeChoice): void
}) {
  if (plan.events.length === 0 && plan.integrations.length === 0) {
    return <p className="muted">The bundle holds no events or integrations: there is nothing to merge.</p>
  }
  const conflicts = [...plan.events, ...plan.integrations].filter((item) => item.state === 'conflict').length
  return (
    <div className="bundle-plan">
      <p className="muted">
        {conflicts === 0
          ? 'No conflicts: new items are added, identical ones left as they are.'
          : `${conflicts} differ${conflicts === 1 ? 's' : ''} from this project (Changed, or Conflict when both sides changed): choose for each. Events taken or copied go back to Draft until their tests pass.`}
      </p>
      {(
        [
          ['events', 'Events', plan.events],
          ['integrations', 'Integrations', plan.integrations]
        ] as const
      ).map(([what, title, items]) =>
        items.length === 0 ? null : (
          <table key={what} className="bundle-plan-table" aria-label={`${title} in the bundle`}>
            <thead>
              <tr>
                <th scope="col">{title}</th>
                <th scope="col">Against this project</th>
                <th scope="col">What differs</th>
                <th scope="col">Choice</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.key} data-state={item.state}>
                  <th scope="row" className="mono">
                    {item.key}
                  </th>
                  <td>
                    <span className={`chip bundle-state-${item.state}`}>{stateLabelOf(item)}</span>
                  </td>
                  <td className="bundle-plan-changes">
                    {item.changes.slice(0, 4).map((change) => (
                      <div key={`${change.kind}:${change.path}`} className="mono">
                        {change.kind} {change.path}
                      </div>
                    ))}
                    {item.changes.length > 4 && <div className="muted">and {item.changes.length - 4} more</div>}
                    {item.changedOnlyIn && <div className="muted">{changedOnlyNotes[item.changedOnlyIn]}</div>}
                  </td>
                  <td>
                    {item.state === 'conflict' ? (
                      <select
                        className="input"
                        aria-label={`Choice for ${what === 'events' ? 'event' : 'integration'} ${item.key}`}
                        value={choices[what][item.key] ?? 'keep-mine'}
                        onChange={(event) => onChoose(what, item.key, event.target.value as MergeChoice)}
                      >
                        {Object.entries(choiceLabels).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <span className="muted">{item.state === 'new' ? 'Added' : 'Nothing to do'}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </div>
  )
}
