import { useState } from 'react'
import type { AppInfo } from '../../shared/api/types'
import { Dialog } from '../ui/Dialog'
import { copyDiagnostics, engineVersions } from './diagnostics'

/** Help › About: the versions and folders, with the same diagnostics "Copy Diagnostics" gives. */
export function AboutDialog({ appInfo, onClose }: { appInfo: AppInfo | null; onClose(): void }) {
  const [copied, setCopied] = useState<boolean | null>(null)
  return (
    <Dialog
      title="About Capillary Mapping Studio"
      description="Design, capture, map and publish Capillary behavioural events."
      onClose={onClose}
      footer={
        <>
          <span role="status" className="muted">
            {copied === true
              ? 'Diagnostics copied.'
              : copied === false
                ? 'The clipboard refused: select the text.'
                : ''}
          </span>
          <button type="button" className="button" onClick={async () => setCopied(await copyDiagnostics())}>
            Copy Diagnostics
          </button>
          <button type="button" className="button button-primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <dl className="about-facts">
        <dt>Version</dt>
        <dd>{appInfo?.version ?? '…'}</dd>
        <dt>Running as</dt>
        <dd>{appInfo ? (appInfo.mode === 'electron' ? 'Desktop app' : 'Web mode') : '…'}</dd>
        <dt>Platform</dt>
        <dd>{appInfo?.platform ?? '…'}</dd>
        <dt>Engine</dt>
        <dd>{engineVersions(navigator.userAgent)}</dd>
        <dt>Config folder</dt>
        <dd>
          <code>{appInfo?.configDir ?? '…'}</code>
        </dd>
      </dl>
    </Dialog>
  )
}
