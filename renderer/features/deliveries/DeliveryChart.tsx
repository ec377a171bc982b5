import type { DeliveryMinute } from '../../../shared/model/relay'

const height = 48
const barWidth = 14

/** Outcomes per minute, oldest to newest: delivered, failed attempts and dead letters stacked. */
export function DeliveryChart({ minutes }: { minutes: readonly DeliveryMinute[] }) {
  const peak = Math.max(1, ...minutes.map((minute) => minute.delivered + minute.failed + minute.dead))
  const scale = (count: number) => (count / peak) * height
  const total = minutes.reduce((sum, minute) => sum + minute.delivered, 0)
  return (
    <figure className="delivery-chart">
      <svg
        width={minutes.length * barWidth}
        height={height}
        role="img"
        aria-label={`Deliveries per minute over the last ${minutes.length} minutes: ${total} delivered`}
      >
        {minutes.map((minute, index) => {
          const delivered = scale(minute.delivered)
          const failed = scale(minute.failed)
          const dead = scale(minute.dead)
          const x = index * barWidth + 1
          return (
            <g key={minute.minute}>
              <title>{`${minute.minute.slice(11, 16)}: ${minute.delivered} delivered, ${minute.failed} failed, ${minute.dead} dead`}</title>
              <rect className="bar-delivered" x={x} width={barWidth - 2} y={height - delivered} height={delivered} />
              <rect className="bar-failed" x={x} width={barWidth - 2} y={height - delivered - failed} height={failed} />
              <rect
                className="bar-dead"
                x={x}
                width={barWidth - 2}
                y={height - delivered - failed - dead}
                height={dead}
              />
            </g>
          )
        })}
      </svg>
      <figcaption className="muted">Per minute, last {minutes.length} minutes</figcaption>
    </figure>
  )
}
