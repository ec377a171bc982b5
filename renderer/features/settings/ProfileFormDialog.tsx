import { capillaryClusters } from '../../../shared/capillary/clusters'
import type { AppInfo } from '../../../shared/api/types'
import type { ClusterId, ConnectionProfileDraft } from '../../../shared/model/connectionProfile'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { secretNoun, secretVariable } from './secretLabels'
import { visibleProblems } from './store'

type Field = keyof ConnectionProfileDraft

/** Adds or edits a connection profile; the secret goes to main's secret store, never into the profile. */
export function ProfileFormDialog({ mode }: { mode: AppInfo['mode'] | undefined }) {
  const { profiles } = useStudio()
  const form = useStudioStore(
    (s) => s.profiles,
    (state) => state.form
  )
  const all = useStudioStore(
    (s) => s.profiles,
    (state) => state.profiles
  )
  const saving = useStudioStore(
    (s) => s.profiles,
    (state) => state.saving
  )
  if (!form) return null
  const { draft } = form
  const existing = all.find((profile) => profile.id === form.id)
  const problems = visibleProblems(form, all)
  const store = profiles.getState()
  const id = (field: string) => `profile-${field}`
  const invalid = (field: Field) => (problems[field] ? true : undefined)
  const describedBy = (field: Field, hint?: string) =>
    [problems[field] ? id(`${field}-problem`) : '', hint ?? ''].filter(Boolean).join(' ') || undefined
  const problem = (field: Field) =>
    problems[field] ? (
      <span className="field-issues field-error" id={id(`${field}-problem`)}>
        {problems[field]}
      </span>
    ) : null
  const noun = secretNoun(draft.auth)
  const kept = existing && existing.auth === draft.auth && existing.secret !== 'missing'
  const secretHint =
    mode === 'electron'
      ? 'Kept encrypted by your system’s keychain, never in the profile.'
      : `Held in memory by this studio for the session only (or set ${secretVariable(draft.auth)}); never written anywhere.`

  return (
    <Dialog
      title={form.id ? 'Edit connection profile' : 'New connection profile'}
      description="How the studio reaches one Capillary org. Profiles live in the config folder, shared with the capmap CLI."
      onClose={() => store.closeForm()}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={() => store.closeForm()}>
            Cancel
          </button>
          <button type="submit" form="profile-form" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save profile'}
          </button>
        </>
      }
    >
      <form
        id="profile-form"
        className="profile-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void store.save()
        }}
      >
        <div className="field span-2">
          <label className="field-label" htmlFor={id('name')}>
            Profile name
          </label>
          <input
            id={id('name')}
            className="input"
            value={draft.name}
            maxLength={100}
            autoFocus
            placeholder="Brand EU test org"
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name')}
            onChange={(event) => store.edit({ name: event.target.value })}
          />
          {problem('name')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('cluster')}>
            Cluster
          </label>
          <select
            id={id('cluster')}
            className="input"
            value={draft.cluster}
            onChange={(event) => store.edit({ cluster: event.target.value as ClusterId })}
          >
            {capillaryClusters.map((cluster) => (
              <option key={cluster.id} value={cluster.id}>
                {cluster.label} ({cluster.baseUrl.replace('https://', '')})
              </option>
            ))}
            <option value="custom">Custom base URL…</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={id('org')}>
            Org id
          </label>
          <input
            id={id('org')}
            className="input mono"
            inputMode="numeric"
            value={draft.orgId}
            maxLength={20}
            placeholder="100737"
            aria-invalid={invalid('orgId')}
            aria-describedby={describedBy('orgId')}
            onChange={(event) => store.edit({ orgId: event.target.value })}
          />
          {problem('orgId')}
        </div>
        {draft.cluster === 'custom' && (
          <div className="field span-2">
            <label className="field-label" htmlFor={id('base-url')}>
              Base URL
            </label>
            <input
              id={id('base-url')}
              className="input mono"
              value={draft.customBaseUrl}
              spellCheck={false}
              placeholder="https://eu.api.capillarytech.com"
              aria-invalid={invalid('customBaseUrl')}
              aria-describedby={describedBy('customBaseUrl', id('base-url-hint'))}
              onChange={(event) => store.edit({ customBaseUrl: event.target.value })}
            />
            {problem('customBaseUrl')}
            <span className="field-hint" id={id('base-url-hint')}>
              Another Capillary host (north-america, nightly…), a gateway, or a local sandbox such as
              http://127.0.0.1:4870.
            </span>
          </div>
        )}
        <fieldset className="field span-2 profile-auth">
          <legend className="field-label">Authentication</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="profile-auth"
              value="basic"
              checked={draft.auth === 'basic'}
              onChange={() => store.edit({ auth: 'basic' })}
            />
            Basic (till code and password)
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="profile-auth"
              value="oauth"
              checked={draft.auth === 'oauth'}
              onChange={() => store.edit({ auth: 'oauth' })}
            />
            OAuth (client key and secret)
          </label>
        </fieldset>
        {draft.auth === 'basic' ? (
          <div className="field">
            <label className="field-label" htmlFor={id('till')}>
              Till code
            </label>
            <input
              id={id('till')}
              className="input mono"
              value={draft.tillCode}
              spellCheck={false}
              autoComplete="username"
              maxLength={100}
              placeholder="store123.till"
              aria-invalid={invalid('tillCode')}
              aria-describedby={describedBy('tillCode')}
              onChange={(event) => store.edit({ tillCode: event.target.value })}
            />
            {problem('tillCode')}
          </div>
        ) : (
          <div className="field">
            <label className="field-label" htmlFor={id('key')}>
              OAuth key
            </label>
            <input
              id={id('key')}
              className="input mono"
              value={draft.oauthKey}
              spellCheck={false}
              autoComplete="username"
              maxLength={200}
              placeholder="Empty: from CAPMAP_OAUTH_KEY"
              onChange={(event) => store.edit({ oauthKey: event.target.value })}
            />
          </div>
        )}
        <div className="field">
          <label className="field-label" htmlFor={id('secret')}>
            {noun}
          </label>
          <input
            id={id('secret')}
            className="input"
            type="password"
            value={form.secret}
            autoComplete="new-password"
            maxLength={1000}
            placeholder={kept ? 'Kept: type only to change it' : ''}
            aria-describedby={id('secret-hint')}
            onChange={(event) => store.editSecret(event.target.value)}
          />
          <span className="field-hint" id={id('secret-hint')}>
            {secretHint}
          </span>
        </div>
        <details className="span-2 profile-network">
          <summary>Network: proxy, CA certificates, timeout</summary>
          <div className="profile-network-fields">
            <div className="field">
              <label className="field-label" htmlFor={id('proxy')}>
                HTTP proxy
              </label>
              <input
                id={id('proxy')}
                className="input mono"
                value={draft.proxyUrl}
                spellCheck={false}
                placeholder="http://proxy.example.com:3128"
                aria-invalid={invalid('proxyUrl')}
                aria-describedby={describedBy('proxyUrl')}
                onChange={(event) => store.edit({ proxyUrl: event.target.value })}
              />
              {problem('proxyUrl')}
            </div>
            <div className="field">
              <label className="field-label" htmlFor={id('ca')}>
                Extra CA certificates (PEM file)
              </label>
              <input
                id={id('ca')}
                className="input mono"
                value={draft.caCertificatesFile}
                spellCheck={false}
                placeholder="/etc/ssl/corporate-ca.pem"
                onChange={(event) => store.edit({ caCertificatesFile: event.target.value })}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={id('timeout')}>
                Timeout per call (seconds)
              </label>
              <input
                id={id('timeout')}
                className="input"
                type="number"
                min={1}
                max={300}
                value={draft.timeoutSeconds}
                onChange={(event) =>
                  store.edit({
                    timeoutSeconds: Math.min(300, Math.max(1, Math.round(Number(event.target.value) || 30)))
                  })
                }
              />
            </div>
          </div>
        </details>
        {form.refusal && (
          <p className="field-issues field-error span-2" role="alert">
            {form.refusal}
          </p>
        )}
      </form>
    </Dialog>
  )
}
