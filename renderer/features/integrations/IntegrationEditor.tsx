import { Trash2, Webhook } from 'lucide-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { customerSources } from '../../../shared/capillary/sourceAccounts'
import type { IntegrationDraft, IntegrationKind } from '../../../shared/model/integration'
import { relayTransformer, transformerOf } from '../../../shared/model/webhookSettings'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { ChangedOutsideBanner } from '../../ui/ChangedOutsideBanner'
import { Dialog } from '../../ui/Dialog'
import { CaptureRulesPanel } from '../listener/CaptureRulesPanel'
import { checkIntegrationDraft, issuesAt, type IntegrationIssue } from './checkIntegrationDraft'
import { EventNameMapTable } from './EventNameMapTable'
import { FieldMessages } from './FieldMessages'
import { kindInfo, transformerLabels } from './kindInfo'
import { ListenerAddress } from './ListenerAddress'
import { defaultSourceAccount } from './newIntegrationDraft'
import { ReachingListenerPanel } from './ReachingListenerPanel'
import type { SaveState } from './store'
import { RelaySwitch } from './RelaySwitch'

const saveLabels: Record<SaveState, string> = {
  saved: 'All changes saved',
  pending: 'Unsaved changes…',
  saving: 'Saving…',
  failed: 'Not saved',
  invalid: 'Not saved: fix the problems marked below'
}
const saveChips: Record<SaveState, string> = {
  saved: 'chip-ok',
  pending: 'chip-draft',
  saving: 'chip-draft',
  failed: 'chip-error',
  invalid: 'chip-error'
}
const authLabels = { none: 'no authentication', BASIC: 'Basic auth', OAUTH: 'OAuth' } as const

const describedBy = (id: string, issues: readonly unknown[]) => (issues.length > 0 ? id : undefined)

/** The selected integration: where its events come from, how their names map to events, where it listens. */
export function IntegrationEditor() {
  const { integrations } = useStudio()
  const draft = useStudioStore(
    (s) => s.integrations,
    (state) => state.draft
  )
  const selectedId = useStudioStore(
    (s) => s.integrations,
    (state) => state.selectedId
  )
  const original = useStudioStore(
    (s) => s.integrations,
    (state) => state.original
  )
  const isNew = useStudioStore(
    (s) => s.integrations,
    (state) => state.isNew
  )
  const slugFollowsName = useStudioStore(
    (s) => s.integrations,
    (state) => state.slugFollowsName
  )
  const saveState = useStudioStore(
    (s) => s.integrations,
    (state) => state.saveState
  )
  const changedOutside = useStudioStore(
    (s) => s.integrations,
    (state) => state.changedOutside
  )
  const all = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  // Main names the signing secret's variable by the slug as saved, new integration or not.
  const savedSlug = all.find((integration) => integration.id === selectedId)?.slug
  const webhooks = useStudioStore(
    (s) => s.integrations,
    (state) => state.webhooks
  )
  const events = useStudioStore(
    (s) => s.events,
    (state) => state.events
  )
  const readOnly = useStudioStore(
    (s) => s.project,
    (state) => state.project?.readOnly ?? true
  )
  const [confirmDelete, setConfirmDelete] = useState(false)
  const nameInput = useRef<HTMLInputElement>(null)

  const eventNames = useMemo(() => events.map((event) => event.name), [events])
  const others = useMemo(() => all.filter((integration) => integration.id !== selectedId), [all, selectedId])
  const issues = useMemo<IntegrationIssue[]>(() => {
    if (!draft) return []
    const found = checkIntegrationDraft(draft, {
      otherSlugs: others.map((integration) => integration.slug),
      otherNames: others.map((integration) => integration.name),
      ...(!isNew && original ? { savedName: original.name } : {}),
      eventNames
    })
    if (original && !isNew && draft.slug !== original.slug && !issuesAt(found, 'slug').length)
      found.push({
        path: 'slug',
        severity: 'warning',
        message: `Senders must be reconfigured: the listener path changes from /hooks/${original.slug} to /hooks/${draft.slug}.`
      })
    return found
  }, [draft, others, eventNames, original, isNew])
  // The path the listener receives at: the slug being typed once the draft can be saved; never one that breaks a
  // rule or is another integration's (its URL would send this sender's payloads there), nor one held back unsaved.
  const listenerSlug = issues.some((issue) => issue.severity === 'error')
    ? (savedSlug ?? original?.slug ?? '')
    : (draft?.slug ?? '')

  // Another integration starts at its top, where its name is; a new one's name is selected, ready to be typed over.
  const pane = useRef<HTMLElement>(null)
  useEffect(() => {
    if (pane.current) pane.current.scrollTop = 0
    if (isNew && selectedId) nameInput.current?.select()
  }, [isNew, selectedId])

  if (!draft || !selectedId) {
    return (
      <section className="editor-pane empty-state" aria-label="Integration editor">
        <p>Select an integration to edit it, or create one with the + button.</p>
        <p className="muted">
          Each integration has its own listener path, a map from the event names it sends to your events, and sends them
          to Capillary through its kind’s webhook.
        </p>
      </section>
    )
  }

  const edit = (patch: Partial<IntegrationDraft>) => integrations.getState().edit(patch)
  const changeKind = (kind: IntegrationKind) =>
    edit({
      kind,
      // The source account follows the kind while it is still the old kind's usual one.
      ...(draft.sourceAccount === defaultSourceAccount[draft.kind] ? { sourceAccount: defaultSourceAccount[kind] } : {})
    })

  const transformer = transformerOf(draft.kind)
  const webhook = webhooks.find((settings) => settings.transformer === transformer)
  const sharing = others.filter((integration) => integration.kind === draft.kind)
  const kindChanged = original !== null && !isNew && draft.kind !== original.kind
  const nameIssues = issuesAt(issues, 'name')
  const slugIssues = issuesAt(issues, 'slug')
  const fieldIssues = issuesAt(issues, 'eventNameField')
  const knownSource = customerSources.some((source) => source.value === draft.sourceAccount)
  const errorCount = issues.filter((issue) => issue.severity === 'error').length

  return (
    <section className="editor-pane" aria-label="Integration editor" ref={pane}>
      <header className="editor-header">
        <div>
          <h1>{draft.name || 'Unnamed integration'}</h1>
          <span className={`chip chip-kind-${draft.kind}`}>{kindInfo[draft.kind].label}</span>{' '}
          <span className={`chip ${saveChips[saveState]}`} role="status" data-testid="integration-save">
            {saveState === 'invalid' && errorCount > 0
              ? `Not saved: ${errorCount === 1 ? '1 problem' : `${errorCount} problems`} marked below`
              : saveLabels[saveState]}
          </span>
        </div>
        <div className="editor-header-actions">
          <button type="button" className="button" disabled={readOnly} onClick={() => setConfirmDelete(true)}>
            <Trash2 size={14} /> Delete
          </button>
        </div>
      </header>
      {changedOutside && (
        <ChangedOutsideBanner
          name={original?.name ?? draft.name}
          onKeepMine={() => void integrations.getState().keepMine()}
          onTakeSaved={() => integrations.getState().takeSaved()}
        />
      )}

      <div className="editor-body">
        <fieldset className="form-grid" disabled={readOnly}>
          <div className="field">
            <label className="field-label" htmlFor="integration-name">
              Name
            </label>
            <input
              id="integration-name"
              ref={nameInput}
              className="input"
              value={draft.name}
              maxLength={200}
              aria-invalid={nameIssues.length > 0 || undefined}
              aria-describedby={describedBy('integration-name-issues', nameIssues)}
              onChange={(event) => edit({ name: event.target.value })}
            />
            <FieldMessages issues={nameIssues} id="integration-name-issues" />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="integration-kind">
              Kind
            </label>
            <select
              id="integration-kind"
              className="input"
              value={draft.kind}
              aria-describedby="integration-kind-note"
              onChange={(event) => changeKind(event.target.value as IntegrationKind)}
            >
              {(Object.keys(kindInfo) as IntegrationKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {kindInfo[kind].choice}
                </option>
              ))}
            </select>
            <div id="integration-kind-note">
              {kindChanged ? (
                <FieldMessages
                  issues={[
                    {
                      severity: 'warning',
                      message: `Changing the kind moves this integration from the ${transformerLabels[transformerOf(original.kind)]} to the ${transformerLabels[transformer]}: it will send through that transformer’s Capillary webhook, and its event names are mapped there.`
                    }
                  ]}
                />
              ) : (
                <span className="field-hint">
                  The kind picks the Capillary transformer and webhook it sends through: the{' '}
                  {transformerLabels[transformer]}.
                </span>
              )}
            </div>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="integration-slug">
              Slug
            </label>
            <input
              id="integration-slug"
              className="input mono"
              value={draft.slug}
              spellCheck={false}
              maxLength={80}
              aria-invalid={slugIssues.some((issue) => issue.severity === 'error') || undefined}
              aria-describedby={
                slugIssues.length > 0
                  ? 'integration-slug-issues'
                  : slugFollowsName
                    ? 'integration-slug-hint'
                    : undefined
              }
              onChange={(event) => edit({ slug: event.target.value })}
            />
            <FieldMessages issues={slugIssues} id="integration-slug-issues" />
            {slugFollowsName && slugIssues.length === 0 && (
              <span className="field-hint" id="integration-slug-hint">
                Suggested from the name; it stays as it is when you rename later.
              </span>
            )}
          </div>
          <div className="field">
            <label className="field-label" htmlFor="integration-source">
              Source account
            </label>
            <select
              id="integration-source"
              className="input"
              value={draft.sourceAccount}
              aria-describedby="integration-source-note"
              onChange={(event) => edit({ sourceAccount: event.target.value })}
            >
              {customerSources.map((source) => (
                <option key={source.value} value={source.value}>
                  {source.label}
                </option>
              ))}
              {!knownSource && (
                <option value={draft.sourceAccount}>{draft.sourceAccount} (not a Capillary source)</option>
              )}
            </select>
            <span className="field-hint" id="integration-source-note">
              Where the customers it sends are registered.
            </span>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="integration-event-field">
              Payload field holding the event name
            </label>
            <input
              id="integration-event-field"
              className="input mono"
              value={draft.eventNameField}
              spellCheck={false}
              maxLength={200}
              aria-invalid={fieldIssues.length > 0 || undefined}
              aria-describedby={describedBy('integration-field-issues', fieldIssues)}
              onChange={(event) => edit({ eventNameField: event.target.value })}
            />
            <FieldMessages issues={fieldIssues} id="integration-field-issues" />
          </div>
          <ListenerAddress slug={listenerSlug} />
        </fieldset>

        <EventNameMapTable
          entries={draft.eventNameMap}
          kind={draft.kind}
          eventNames={eventNames}
          issues={issues}
          disabled={readOnly}
          onChange={(eventNameMap) => edit({ eventNameMap })}
        />

        {savedSlug !== undefined && <CaptureRulesPanel integrationId={selectedId} slug={savedSlug} />}

        <ReachingListenerPanel integrationId={selectedId} draft={draft} slug={listenerSlug} />

        <section aria-labelledby="integration-webhook-heading" className="integration-section">
          <header className="section-header">
            <h2 id="integration-webhook-heading">Capillary webhook</h2>
            <button type="button" className="button" onClick={() => void integrations.getState().showWebhooks()}>
              <Webhook size={14} /> Webhook settings
            </button>
          </header>
          <p className="section-note">
            Sends to Capillary through the <strong>{transformerLabels[transformer]}</strong> webhook
            {webhook?.tillCode ? (
              <>
                {' '}
                (till <span className="mono">{webhook.tillCode}</span>, {authLabels[webhook.auth]})
              </>
            ) : (
              ', which has no till code yet'
            )}
            .{' '}
            {sharing.length > 0
              ? `Capillary allows one webhook per transformer, so it is shared with ${sharing.map((integration) => integration.name).join(', ')}.`
              : 'Capillary allows one webhook per transformer: other integrations of this kind will share it.'}
            {transformer !== relayTransformer && (
              <>
                {' '}
                A mapping Capillary cannot run itself is relayed by the studio to the{' '}
                <strong>{transformerLabels[relayTransformer]}</strong> webhook instead: Publish’s dry run says which,
                mapping by mapping.
              </>
            )}
          </p>
          <RelaySwitch integrationId={selectedId} />
        </section>
      </div>

      {confirmDelete && (
        <Dialog
          title={`Delete ${draft.name || 'this integration'}?`}
          description={`Its mappings and their test cases go with it, as does its source-event-name map, and nothing will listen at /hooks/${draft.slug} any more; its captures stay in the inbox. The ${transformerLabels[transformer]} webhook stays for the other integrations.`}
          onClose={() => setConfirmDelete(false)}
          footer={
            <>
              <button type="button" className="button" autoFocus onClick={() => setConfirmDelete(false)}>
                Cancel
              </button>
              <button
                type="button"
                className="button button-danger"
                onClick={() => {
                  setConfirmDelete(false)
                  void integrations.getState().remove(selectedId)
                }}
              >
                Delete
              </button>
            </>
          }
        >
          {null}
        </Dialog>
      )}
    </section>
  )
}
