import { useState } from 'react'
import { Verification } from '../../../shared/model/listenerSettings'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { TextField } from '../../ui/TextField'
import { useKeptDraft } from './useKeptDraft'

type Scheme = Verification['scheme']

const schemeLabels: Record<Scheme, string> = {
  none: 'None: accept every request',
  webengage: 'WebEngage (secret in the URL)',
  'hmac-sha256': 'HMAC-SHA256 of the body, in a header',
  'standard-webhooks': 'Standard Webhooks (webhook-signature)'
}

const schemeNotes: Record<Scheme, string> = {
  none: 'Requests are captured without any check. Fine on 127.0.0.1; not once the listener is reachable from outside.',
  webengage:
    'WebEngage adds licenseCode and secret (MD5 of licenseCode:key) to the URL. The key is the webhook secret key you give WebEngage.',
  'hmac-sha256': 'The sender signs the raw body with HMAC-SHA256 and the shared key, and sends it in a header.',
  'standard-webhooks':
    'As standardwebhooks.com specifies: webhook-id, webhook-timestamp and webhook-signature, signed with a whsec_ key.'
}

/** Friendlier words than the model's for the rules of the fields that have no message of their own. */
const fieldMessages: Record<string, string> = {
  toleranceSeconds: 'Give a whole number of seconds from 1 to 86,400.',
  prefix: 'Keep the prefix to 30 characters.',
  licenseCode: 'Keep the license code to 100 characters.'
}

/** Every field any scheme has, as typed; only the chosen scheme's are saved. */
interface VerificationDraft {
  scheme: Scheme
  licenseCode: string
  header: string
  encoding: 'hex' | 'base64'
  prefix: string
  toleranceSeconds: string
}

function draftOf(verification: Verification): VerificationDraft {
  return {
    scheme: verification.scheme,
    licenseCode: verification.scheme === 'webengage' ? (verification.licenseCode ?? '') : '',
    header: verification.scheme === 'hmac-sha256' ? verification.header : 'X-Signature',
    encoding: verification.scheme === 'hmac-sha256' ? verification.encoding : 'hex',
    prefix: verification.scheme === 'hmac-sha256' ? verification.prefix : '',
    toleranceSeconds: verification.scheme === 'standard-webhooks' ? String(verification.toleranceSeconds) : '300'
  }
}

function verificationOf(draft: VerificationDraft): unknown {
  switch (draft.scheme) {
    case 'none':
      return { scheme: 'none' }
    case 'webengage':
      return { scheme: 'webengage', ...(draft.licenseCode.trim() ? { licenseCode: draft.licenseCode.trim() } : {}) }
    case 'hmac-sha256':
      return { scheme: 'hmac-sha256', header: draft.header, encoding: draft.encoding, prefix: draft.prefix }
    case 'standard-webhooks':
      return { scheme: 'standard-webhooks', toleranceSeconds: Number(draft.toleranceSeconds) }
  }
}

interface VerificationFormProps {
  integrationId: string
  verification: Verification
  disabled: boolean
  busy: boolean
  refusal: string | undefined
  /** The listener path of the integration, and whether this studio has its signing secret. */
  path: string
  secretSet: boolean
  /** Answers whether it was saved. */
  onSave(verification: Verification): Promise<boolean>
}

/** How the listener checks that a request really comes from this integration's sender. */
export function VerificationForm({
  integrationId,
  verification,
  disabled,
  busy,
  refusal,
  path,
  secretSet,
  onSave
}: VerificationFormProps) {
  const [confirming, setConfirming] = useState<Verification | null>(null)
  const { draft, edit, reset } = useKeptDraft(`verification:${integrationId}`, draftOf(verification))
  const parsed = Verification.safeParse(verificationOf(draft))
  const issue = parsed.success ? undefined : parsed.error.issues[0]
  const problemAt = (field: string) =>
    issue && String(issue.path[0]) === field ? (fieldMessages[field] ?? issue.message) : undefined
  const changed = parsed.success && JSON.stringify(parsed.data) !== JSON.stringify(verification)
  const id = (field: string) => `verification-${field}-${integrationId}`
  const save = (verification: Verification) => void onSave(verification).then((saved) => saved && reset())

  return (
    <form
      className="capture-rules-form"
      onSubmit={(event) => {
        event.preventDefault()
        if (!parsed.success || !changed) return
        // Without its secret, a verifying scheme rejects every request: asked first, as the form advises.
        if (parsed.data.scheme !== 'none' && !secretSet) setConfirming(parsed.data)
        else save(parsed.data)
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={id('scheme')}>
          Signature verification
        </label>
        <select
          id={id('scheme')}
          className="input"
          value={draft.scheme}
          disabled={disabled}
          aria-describedby={id('note')}
          onChange={(event) => edit({ scheme: event.target.value as Scheme })}
        >
          {(Object.keys(schemeLabels) as Scheme[]).map((scheme) => (
            <option key={scheme} value={scheme}>
              {schemeLabels[scheme]}
            </option>
          ))}
        </select>
        <span className="field-hint" id={id('note')}>
          {schemeNotes[draft.scheme]}
          {draft.scheme !== 'none' && ' A request that fails gets 401 and is captured as rejected, with the reason.'}
        </span>
      </div>
      {draft.scheme === 'webengage' && (
        <TextField
          id={id('license')}
          label="License code (optional)"
          className="input mono"
          value={draft.licenseCode}
          disabled={disabled}
          placeholder="any"
          problem={problemAt('licenseCode')}
          hint="When set, requests must carry this licenseCode."
          onValue={(licenseCode) => edit({ licenseCode })}
        />
      )}
      {draft.scheme === 'hmac-sha256' && (
        <div className="form-grid">
          <TextField
            id={id('header')}
            label="Header"
            className="input mono"
            value={draft.header}
            disabled={disabled}
            spellCheck={false}
            problem={problemAt('header')}
            onValue={(header) => edit({ header })}
          />
          <div className="field">
            <label className="field-label" htmlFor={id('encoding')}>
              Encoding
            </label>
            <select
              id={id('encoding')}
              className="input"
              value={draft.encoding}
              disabled={disabled}
              onChange={(event) => edit({ encoding: event.target.value as 'hex' | 'base64' })}
            >
              <option value="hex">hex</option>
              <option value="base64">base64</option>
            </select>
          </div>
          <TextField
            id={id('prefix')}
            label="Prefix (optional)"
            className="input mono"
            value={draft.prefix}
            disabled={disabled}
            placeholder="sha256="
            spellCheck={false}
            problem={problemAt('prefix')}
            onValue={(prefix) => edit({ prefix })}
          />
        </div>
      )}
      {draft.scheme === 'standard-webhooks' && (
        <TextField
          id={id('tolerance')}
          label="Clock tolerance (seconds)"
          inputMode="numeric"
          value={draft.toleranceSeconds}
          disabled={disabled}
          problem={problemAt('toleranceSeconds')}
          hint="How far webhook-timestamp may be from this machine’s clock, either way."
          onValue={(toleranceSeconds) => edit({ toleranceSeconds })}
        />
      )}
      {refusal && (
        <span className="field-issues field-error" role="alert">
          {refusal}
        </span>
      )}
      <div className="capture-rules-actions">
        <button type="submit" className="button" disabled={disabled || busy || !changed}>
          {busy ? 'Saving…' : 'Save verification'}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title="Verify signatures without the signing secret?"
          message={`This studio has no signing secret for this integration yet: until one is set below, every request to ${path} is answered 401 and captured as rejected.`}
          confirmLabel="Turn verification on"
          onConfirm={() => {
            save(confirming)
            setConfirming(null)
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
    </form>
  )
}
