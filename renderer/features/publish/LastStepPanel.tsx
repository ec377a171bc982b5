import { BadgeCheck, RefreshCw } from 'lucide-react'

interface LastStepPanelProps {
  eventName: string
  profileName: string
  checking: boolean
  busy: boolean
  onCheckAgain(): void
  onMarkPublished(): void
}

/**
 * The step the studio cannot take: Capillary documents no publish API (notes §1), so a person publishes in InTouch.
 * The run keeps reading `GET /v2/events` for PUBLISHED meanwhile; "Check again" reads it now.
 */
export function LastStepPanel({
  eventName,
  profileName,
  checking,
  busy,
  onCheckAgain,
  onMarkPublished
}: LastStepPanelProps) {
  return (
    <div className="last-step" role="group" aria-label={`Last step for ${eventName}: publish in InTouch`}>
      <p>
        <strong>Last step: publish {eventName} in InTouch.</strong> Capillary has no API to publish an event. In InTouch
        for {profileName}, open Organization Settings › Master Data Management › Data Model › Behavioral Events, refresh
        the page, open {eventName} and click <em>Publish</em>.
      </p>
      <p className="muted">
        The studio keeps checking the org and locks the event here once Capillary says PUBLISHED. Published already?
        Check again now, or mark it published yourself.
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={checking} onClick={onCheckAgain}>
          <RefreshCw size={14} aria-hidden /> {checking ? 'Checking…' : 'Check again'}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onMarkPublished}>
          <BadgeCheck size={14} aria-hidden /> Mark as published…
        </button>
      </div>
    </div>
  )
}
