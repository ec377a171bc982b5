import { TriangleAlert } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import {
  defaultListenerPort,
  ListenerSettings,
  loopbackHost,
  type ListenerSettingsPatch
} from '../../../shared/model/listenerSettings'
import { useStudioStore } from '../../app/StudioContext'
import { TextField } from '../../ui/TextField'
import { RetentionControl } from './RetentionControl'
import { useListenerSettings } from './useListenerSettings'
import './listener.css'

const mib = 1024 * 1024
/** The address offered when the user opts into other machines: every interface. */
const allInterfaces = '0.0.0.0'

interface ListenerForm {
  otherMachines: boolean
  host: string
  port: string
  bodyLimitMiB: string
}

const formOf = (settings: ListenerSettings): ListenerForm => ({
  otherMachines: settings.host !== loopbackHost && settings.host !== 'localhost',
  host: settings.host,
  port: settings.port === null ? '' : String(settings.port),
  bodyLimitMiB: String(Math.round((settings.bodyLimitBytes / mib) * 1000) / 1000)
})

type FormProblems = Partial<Record<'host' | 'port' | 'bodyLimit', string>>

/** The form as the patch main takes, or the rules it breaks (the model's own rules, worded per field). */
function checkForm(form: ListenerForm): { patch: ListenerSettingsPatch; problems: FormProblems } {
  const problems: FormProblems = {}
  const host = form.otherMachines ? form.host.trim() : loopbackHost
  const hostCheck = ListenerSettings.shape.host.safeParse(host)
  if (!hostCheck.success) problems.host = hostCheck.error.issues[0]?.message ?? 'Give an IP address.'
  const port = form.port.trim() === '' ? null : Number(form.port.trim())
  if (port !== null && !ListenerSettings.shape.port.safeParse(port).success) {
    problems.port = 'Give a port from 1 to 65535, or leave it empty for the first free one.'
  }
  const bodyLimitBytes = Math.round(Number(form.bodyLimitMiB.trim()) * mib)
  if (form.bodyLimitMiB.trim() === '' || !ListenerSettings.shape.bodyLimitBytes.safeParse(bodyLimitBytes).success) {
    problems.bodyLimit = 'Give a size in MiB from 0.001 (1 KiB) to 100.'
  }
  return { patch: { host, port, bodyLimitBytes }, problems }
}

/** Where main's refusal of the form shows: at the field it most likely concerns, or under the form. */
type RefusalPlace = 'port' | 'host' | 'form'

/** A changed port first (a port another program holds is the likeliest refusal), then a changed address. */
function refusalPlace(form: ListenerForm, saved: ListenerForm): RefusalPlace {
  if (form.port !== saved.port) return 'port'
  if (form.otherMachines && form.host !== saved.host) return 'host'
  return 'form'
}

/**
 * Settings › Webhook listener: where the open project's listener listens (this machine only unless the user opts
 * into others, with a warning), on which port, how large a body it keeps, and how long unmatched captures stay.
 */
export function ListenerSettingsSection() {
  const { listenerSettings, view, saving, refusals } = useListenerSettings()
  const project = useStudioStore(
    (s) => s.project,
    (state) => state.project
  )
  const status = useStudioStore(
    (s) => s.listener,
    (state) => state.status
  )
  // What the user typed, until it is applied; the settings in force otherwise.
  const [edited, setEdited] = useState<ListenerForm | null>(null)
  const formElement = useRef<HTMLFormElement>(null)

  useEffect(() => {
    void listenerSettings.getState().load()
  }, [listenerSettings, project?.path])

  const heading = (
    <div>
      <h2 id="listener-settings-heading">Webhook listener</h2>
      <p className="section-note">
        This project’s listener: kept in the project file, so senders configured with its address keep reaching it.
      </p>
    </div>
  )
  if (!project || !view) {
    return (
      <section className="settings-section" aria-labelledby="listener-settings-heading">
        <header className="section-header">{heading}</header>
        <p className="muted">Open a project to set its listener.</p>
      </section>
    )
  }

  const readOnly = project.readOnly
  const saved = formOf(view.listener)
  const form = edited ?? saved
  const { patch, problems } = checkForm(form)
  const changed = JSON.stringify(form) !== JSON.stringify(saved)
  const valid = Object.keys(problems).length === 0
  const edit = (change: Partial<ListenerForm>) => {
    setEdited({ ...form, ...change })
    listenerSettings.getState().clearRefusal('listener')
  }
  const revert = () => {
    setEdited(null)
    listenerSettings.getState().clearRefusal('listener')
  }
  const refusedAt = refusalPlace(form, saved)
  const refusalAt = (place: RefusalPlace) => (refusedAt === place ? refusals.listener : undefined)
  // The refusal arrives after the click: focus takes the user (and a screen reader) to the field that shows it.
  const focusRefusal = (place: RefusalPlace) => {
    if (place === 'form' || !listenerSettings.getState().refusals.listener) return
    formElement.current?.querySelector<HTMLInputElement>(`#listener-${place}`)?.focus()
  }
  const running = status?.state === 'listening' || status?.state === 'starting'

  return (
    <section className="settings-section" aria-labelledby="listener-settings-heading">
      <header className="section-header">{heading}</header>
      <form
        ref={formElement}
        className="listener-form"
        aria-label="Listener address"
        onSubmit={(event) => {
          event.preventDefault()
          if (valid && changed) {
            void listenerSettings
              .getState()
              .saveListener(patch)
              .then((applied) => (applied ? setEdited(null) : focusRefusal(refusedAt)))
          }
        }}
      >
        <fieldset className="settings-group" disabled={readOnly}>
          <legend>Accept webhooks from</legend>
          <label className="checkbox">
            <input
              type="radio"
              name="listener-reach"
              checked={!form.otherMachines}
              onChange={() => edit({ otherMachines: false, host: loopbackHost })}
            />
            This machine only ({loopbackHost})
          </label>
          <label className="checkbox">
            <input
              type="radio"
              name="listener-reach"
              checked={form.otherMachines}
              onChange={() => edit({ otherMachines: true, host: allInterfaces })}
            />
            Other machines too
          </label>
          {form.otherMachines && (
            <>
              <TextField
                id="listener-host"
                label="Address to listen on"
                className="input mono"
                value={form.host}
                spellCheck={false}
                problem={problems.host ?? refusalAt('host')}
                hint={`${allInterfaces} listens on every network interface of this machine.`}
                onValue={(host) => edit({ host })}
              />
              <p className="listener-warning" role="note">
                <TriangleAlert size={14} aria-hidden /> Anyone who can reach this machine on the network can send to the
                listener and fill the inbox. Turn signature verification on for each integration (Integrations › Capture
                rules).
              </p>
            </>
          )}
        </fieldset>
        <div className="form-grid listener-numbers">
          <TextField
            id="listener-port"
            label="Port"
            inputMode="numeric"
            value={form.port}
            placeholder={`first free from ${defaultListenerPort}`}
            disabled={readOnly}
            problem={problems.port ?? refusalAt('port')}
            hint="Senders post to this port; keep it once they are configured."
            onValue={(port) => edit({ port })}
          />
          <TextField
            id="listener-body-limit"
            label="Body limit (MiB)"
            inputMode="decimal"
            value={form.bodyLimitMiB}
            disabled={readOnly}
            problem={problems.bodyLimit}
            hint="A larger request gets 413; its capture records it without the body."
            onValue={(bodyLimitMiB) => edit({ bodyLimitMiB })}
          />
        </div>
        {refusalAt('form') && (
          <p className="field-issues field-error" role="alert">
            {refusals.listener}
          </p>
        )}
        <div className="listener-form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={readOnly || !changed || !valid || saving.listener}
          >
            {saving.listener ? 'Applying…' : running ? 'Apply and restart the listener' : 'Apply'}
          </button>
          <button type="button" className="button" disabled={!changed} onClick={revert}>
            Revert
          </button>
          {status?.message && status.state !== 'listening' && (
            <span className={status.state === 'error' ? 'field-error' : 'muted'}>{status.message}</span>
          )}
        </div>
      </form>
      <div className="listener-unmatched">
        <h3>Unmatched captures</h3>
        <p className="section-note">Requests on paths no integration listens at are kept for you to look at.</p>
        <RetentionControl
          id="unmatched-retention"
          whose="unmatched captures"
          retention={view.unmatchedRetention}
          disabled={readOnly}
          busy={saving.unmatchedRetention ?? false}
          refusal={refusals.unmatchedRetention}
          onApply={(retention) => listenerSettings.getState().setRetention(null, retention)}
        />
      </div>
    </section>
  )
}
