import { useEffect } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import './captures.css'

const width = 60
const height = 14

/** Captures per minute over the last quarter hour, as a small line in the status bar. */
export function CaptureRateSparkline() {
  const { captureRate } = useStudio()
  const projectPath = useStudioStore(
    (s) => s.project,
    (state) => state.project?.path
  )
  const perMinute = useStudioStore(
    (s) => s.captureRate,
    (state) => state.perMinute
  )
  useEffect(() => {
    const load = () => void captureRate.getState().load()
    load()
    // The window moves on even when nothing arrives.
    const timer = setInterval(load, 60_000)
    return () => clearInterval(timer)
  }, [captureRate, projectPath])
  const peak = Math.max(1, ...perMinute)
  const step = width / Math.max(1, perMinute.length - 1)
  const points = perMinute
    .map((count, index) => `${(index * step).toFixed(1)},${(height - 1 - (count / peak) * (height - 2)).toFixed(1)}`)
    .join(' ')
  const current = perMinute.at(-1) ?? 0
  const total = perMinute.reduce((sum, count) => sum + count, 0)
  return (
    <span
      className="capture-rate"
      data-testid="capture-rate"
      title={`${current} capture${current === 1 ? '' : 's'} this minute, ${total} in the last ${perMinute.length} minutes`}
    >
      <svg className="capture-sparkline" width={width} height={height} aria-hidden>
        <polyline points={points} />
      </svg>{' '}
      {current}/min
    </span>
  )
}
