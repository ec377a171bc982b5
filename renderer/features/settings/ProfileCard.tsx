import { CheckCircle2, Pencil, PlugZap, Trash2, XCircle } from 'lucide-react'
import { useState } from 'react'
import { capillaryClusters } from '../../../shared/capillary/clusters'
import type { ConnectionProfileView } from '../../../shared/model/connectionProfile'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { secretLabel } from './secretLabels'

const whereOf = (profile: ConnectionProfileView): string =>
  profile.cluster === 'custom'
    ? profile.customBaseUrl
    : `${capillaryClusters.find((cluster) => cluster.id === profile.cluster)?.label ?? profile.cluster} cluster`

/** One profile: where and as whom it connects, where its secret comes from, and its last test verdict. */
export function ProfileCard({ profile }: { profile: ConnectionProfileView }) {
  const { profiles } = useStudio()
  const verdict = useStudioStore(
    (s) => s.profiles,
    (state) => state.verdicts[profile.id]
  )
  const testing = useStudioStore(
    (s) => s.profiles,
    (state) => state.testing[profile.id] ?? false
  )
  const [confirmDelete, setConfirmDelete] = useState(false)
  const headingId = `profile-card-${profile.id}`
  const who =
    profile.auth === 'basic' ? `till ${profile.tillCode}` : `OAuth key ${profile.oauthKey || 'from CAPMAP_OAUTH_KEY'}`

  return (
    <li className="profile-card" aria-labelledby={headingId}>
      <div className="profile-card-main">
        <div className="profile-card-text">
          <h3 id={headingId} className="profile-card-title">
            {profile.name}
          </h3>
          <span className="muted">
            Org {profile.orgId} · {whereOf(profile)} · {who}
          </span>
          <span className={`chip ${profile.secret === 'missing' ? 'chip-error' : 'chip-draft'} profile-secret`}>
            {secretLabel(profile.auth, profile.secret)}
          </span>
        </div>
        <div className="profile-card-actions">
          <button
            type="button"
            className="button"
            disabled={testing}
            onClick={() => void profiles.getState().test(profile.id)}
          >
            <PlugZap size={14} aria-hidden />
            {testing ? 'Testing…' : 'Test connection'}
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Edit ${profile.name}`}
            title="Edit"
            onClick={() => profiles.getState().openEdit(profile.id)}
          >
            <Pencil size={15} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete ${profile.name}`}
            title="Delete"
            onClick={() => setConfirmDelete(true)}
          >
            <Trash2 size={15} />
          </button>
        </div>
      </div>
      <div role="status" aria-label={`${profile.name} connection`} className="profile-verdict-slot">
        {verdict && (
          <p className={`profile-verdict ${verdict.ok ? 'profile-verdict-ok' : 'profile-verdict-failed'}`}>
            {verdict.ok ? <CheckCircle2 size={15} aria-hidden /> : <XCircle size={15} aria-hidden />}
            <span>
              <strong className="profile-verdict-summary">{verdict.summary}</strong>
              {verdict.detail && <span className="profile-verdict-detail">{verdict.detail}</span>}
            </span>
          </p>
        )}
      </div>
      {confirmDelete && (
        <ConfirmDialog
          title={`Delete ${profile.name}?`}
          message="The profile leaves the config folder (the CLI loses it too), and its password or secret is forgotten. The org in Capillary is not touched."
          confirmLabel="Delete profile"
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false)
            void profiles.getState().remove(profile.id)
          }}
        />
      )}
    </li>
  )
}
