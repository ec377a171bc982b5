import './desktop.css'
import { useCallback, useEffect, useState } from 'react'
import type { AppInfo } from '../../shared/api/types'
import { AboutDialog } from './AboutDialog'
import { rememberAppInfo } from './diagnostics'
import { GuidedTour } from './GuidedTour'
import { useStudioStore } from './StudioContext'
import { isFirstRun, useTourStore } from './tour'
import { UnexpectedErrors } from './UnexpectedErrors'
import { useHelpCommands } from './useHelpCommands'

/** Help (tour, About, logs, diagnostics), the first-run tour and the unexpected-error panel: mounted once from App. */
export function DesktopFeatures({ appInfo }: { appInfo: AppInfo | null }) {
  const [aboutOpen, setAboutOpen] = useState(false)
  useHelpCommands(useCallback(() => setAboutOpen(true), []))
  const projectPath = useStudioStore(
    (s) => s.project,
    (state) => state.project?.path
  )

  useEffect(() => rememberAppInfo(appInfo), [appInfo])
  useEffect(() => {
    if (isFirstRun(projectPath, appInfo?.configDir)) useTourStore.getState().start()
  }, [projectPath, appInfo])

  return (
    <>
      <GuidedTour />
      {aboutOpen && <AboutDialog appInfo={appInfo} onClose={() => setAboutOpen(false)} />}
      <UnexpectedErrors />
    </>
  )
}
