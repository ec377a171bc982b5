import { useEffect, useRef } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'

/**
 * First start with the sample project: a one-time notice that a local Capillary sandbox can be started from
 * Settings › Connection profiles, where the offer itself waits (dismissible) in the profiles' empty state. A notice
 * rather than a floating card: it never covers the screen the user is working in.
 */
export function SandboxOffer() {
  const { profiles, notifications } = useStudio()
  const offer = useStudioStore(
    (s) => s.profiles,
    (state) => state.sandbox?.offer ?? false
  )
  const projectPath = useStudioStore(
    (s) => s.project,
    (state) => state.project?.path
  )
  const told = useRef(false)

  useEffect(() => {
    void profiles.getState().load()
  }, [profiles, projectPath])

  useEffect(() => {
    if (!offer || told.current) return
    told.current = true
    notifications
      .getState()
      .notify(
        'info',
        'Rehearse offline: Settings › Connection profiles can start a local Capillary sandbox for the sample project.'
      )
  }, [offer, notifications])

  return null
}
