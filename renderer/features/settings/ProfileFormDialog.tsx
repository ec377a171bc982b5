import { capillaryClusters } from '../../../shared/capillary/clusters'
import type { AppInfo } from '../../../shared/api/types'
import type { ClusterId } from '../../../shared/model/connectionProfile'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { Dialog } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'
import { secretNoun, secretVariable } from './secretLabels'
import { visibleProblems } from './store'

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
        <TextField
          id={id('name')}
          wide
          label="Profile name"
          value={draft.name}
          maxLength={100}
          autoFocus
          placeholder="Brand EU test org"
          problem={problems.name}
          onValue={(name) => store.edit({ name })}
        />
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
        <TextField
          id={id('org')}
          label="Org id"
          className="input mono"
          inputMode="numeric"
          value={draft.orgId}
          maxLength={20}
          placeholder="100737"
          problem={problems.orgId}
          onValue={(orgId) => store.edit({ orgId })}
        />
        {draft.cluster === 'custom' && (
          <TextField
            id={id('base-url')}
            wide
            label="Base URL"
            className="input mono"
            value={draft.customBaseUrl}
            spellCheck={false}
            placeholder="https://eu.api.capillarytech.com"
            problem={problems.customBaseUrl}
            hint="Another Capillary host (north-america, nightly…), a gateway, or a local sandbox such as http://127.0.0.1:4870."
            onValue={(customBaseUrl) => store.edit({ customBaseUrl })}
          />
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
          <TextField
            id={id('till')}
            label="Till code"
            className="input mono"
            value={draft.tillCode}
            spellCheck={false}
            autoComplete="username"
            maxLength={100}
            placeholder="store123.till"
            problem={problems.tillCode}
            onValue={(tillCode) => store.edit({ tillCode })}
          />
        ) : (
          <TextField
            id={id('key')}
            label="OAuth key"
            className="input mono"
            value={draft.oauthKey}
            spellCheck={false}
            autoComplete="username"
            maxLength={200}
            placeholder="Empty: from CAPMAP_OAUTH_KEY"
            onValue={(oauthKey) => store.edit({ oauthKey })}
          />
        )}
        <TextField
          id={id('secret')}
          label={noun}
          type="password"
          value={form.secret}
          autoComplete="new-password"
          maxLength={1000}
          placeholder={kept ? 'Kept: type only to change it' : ''}
          hint={secretHint}
          onValue={(secret) => store.editSecret(secret)}
        />
        <details className="span-2 profile-network">
          <summary>Network: proxy, CA certificates, timeout</summary>
          <div className="profile-network-fields">
            <TextField
              id={id('proxy')}
              label="HTTP proxy"
              className="input mono"
              value={draft.proxyUrl}
              spellCheck={false}
              placeholder="http://proxy.example.com:3128"
              problem={problems.proxyUrl}
              onValue={(proxyUrl) => store.edit({ proxyUrl })}
            />
            <TextField
              id={id('ca')}
              label="Extra CA certificates (PEM file)"
              className="input mono"
              value={draft.caCertificatesFile}
              spellCheck={false}
              placeholder="/etc/ssl/corporate-ca.pem"
              onValue={(caCertificatesFile) => store.edit({ caCertificatesFile })}
            />
            <TextField
              id={id('timeout')}
              label="Timeout per call (seconds)"
              type="number"
              min={1}
              max={300}
              value={draft.timeoutSeconds}
              onValue={(seconds) =>
                store.edit({ timeoutSeconds: Math.min(300, Math.max(1, Math.round(Number(seconds) || 30))) })
              }
            />
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
