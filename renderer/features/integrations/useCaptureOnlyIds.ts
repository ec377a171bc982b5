import { useEffect, useState } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'

/** The integrations that only capture (Capillary's Event Notifications), read again whenever the list changes. */
export function useCaptureOnlyIds(): ReadonlySet<string> {
  const { api } = useStudio()
  const integrations = useStudioStore(
    (s) => s.integrations,
    (state) => state.integrations
  )
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set())
  useEffect(() => {
    let current = true
    void api.listCaptureOnlyIntegrations().then((result) => {
      if (current && result.ok) setIds(new Set(result.value))
    })
    return () => {
      current = false
    }
  }, [api, integrations])
  return ids
}
