import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'
import { publishedCheckIntervalMs } from './store'

/**
 * While events wait for their publish in InTouch, the org is read every so often, so each locks here once Capillary
 * says PUBLISHED (notes §1: no publish API, only `GET /v2/events` shows it). Quiet: it tells only what got locked.
 */
export function useWatchPublished(waiting: boolean) {
  const { publish } = useStudio()
  useEffect(() => {
    if (!waiting) return
    const timer = setInterval(() => void publish.getState().checkPublished({ quiet: true }), publishedCheckIntervalMs)
    return () => clearInterval(timer)
  }, [waiting, publish])
}
