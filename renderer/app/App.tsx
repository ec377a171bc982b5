import { useCallback, useEffect, useState } from 'react'
import type { AppInfo } from '../../shared/api/types'
import { BundleFeature } from '../features/bundles/BundleFeature'
import { ProjectPathDialog, type PathDialogPurpose } from '../features/projects/ProjectPathDialog'
import { useProjectCommands } from '../features/projects/useProjectCommands'
import { SandboxOffer } from '../features/settings/SandboxOffer'
import { CommandPalette } from './CommandPalette'
import { DesktopFeatures } from './DesktopFeatures'
import { flushEdits } from './flushEdits'
import { Notifications } from './Notifications'
import { offerBundleFile } from './offerBundleFile'
import { useRememberedPlace } from './rememberedPlace'
import { Shell } from './Shell'
import { useStudio, useStudioStore } from './StudioContext'
import { useGlobalShortcuts } from './useGlobalShortcuts'
import { useLeaveGuard } from './useLeaveGuard'

/** Bootstrap: loads the first state and is the one place that subscribes to server events. */
export function App() {
  const stores = useStudio()
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null)
  const [paletteOpen, setPaletteOpen] = useState(false)
  const [pathDialog, setPathDialog] = useState<PathDialogPurpose | null>(null)
  const openPalette = useCallback(() => setPaletteOpen(true), [])

  useEffect(() => {
    const { api, project, events, integrations } = stores
    void api.getAppInfo().then((result) => result.ok && setAppInfo(result.value))
    void project.getState().refresh()
    // The gate's standing follows every change to events, mappings and test cases, once the Tests screen was opened.
    const refreshTests = () => void (stores.tests.getState().loaded && stores.tests.getState().load())
    const unsubscribe = [
      api.on('projectChanged', (state) => {
        if (state.project?.path !== project.getState().project?.path) {
          events.getState().forgetProject()
          integrations.getState().forgetProject()
          stores.listenerSettings.getState().forgetDrafts()
          stores.publish.getState().forgetProject()
        }
        project.getState().receive(state)
        void project.getState().refresh()
        void events.getState().load()
        void integrations.getState().load()
        void stores.mapping.getState().load()
      }),
      api.on('eventsChanged', () => void events.getState().load()),
      api.on('integrationsChanged', async () => {
        await integrations.getState().load()
        const ids = integrations.getState().integrations.map((integration) => integration.id)
        await stores.captures.getState().keepFilterOn(ids)
      }),
      api.on('mappingsChanged', () => void stores.mapping.getState().load()),
      api.on('commandRequested', ({ commandId, argument }) => stores.commands.getState().run(commandId, argument)),
      api.on('bundleFileOpened', offerBundleFile),
      api.on('listenerStatusChanged', (status) => stores.listener.getState().receive(status)),
      api.on('capturesReceived', (batch) => {
        stores.captures.getState().receive(batch)
        stores.captureRate.getState().received(batch.count, Date.now())
      }),
      api.on('capturesDeleted', () => stores.captures.getState().deletedElsewhere()),
      api.on('capturesRestored', () => stores.captures.getState().deletedElsewhere()),
      api.on('deliveriesChanged', (overview) => stores.deliveries.getState().receive(overview)),
      api.on('testCasesChanged', refreshTests),
      // A test case saved or run is a change to the project: the status bar's last save follows it.
      api.on('testCasesChanged', () => void project.getState().refresh()),
      api.on('eventsChanged', refreshTests),
      api.on('mappingsChanged', refreshTests),
      api.on('projectChanged', refreshTests),
      api.on('batchRunProgress', (state) => stores.tests.getState().receiveBatch(state)),
      api.on('publishProgress', (progress) => stores.publish.getState().receiveProgress(progress)),
      api.on('publishStateChanged', ({ profileKey }) => stores.publish.getState().stateChanged(profileKey))
    ]
    return () => unsubscribe.forEach((stop) => stop())
  }, [stores])

  const projectPath = useStudioStore(
    (s) => s.project,
    (state) => state.project?.path
  )
  useEffect(() => {
    void stores.events.getState().load()
    void stores.integrations.getState().load()
    void stores.mapping.getState().load()
  }, [stores, projectPath])

  // Leaving the page (reload, tab closed, window closed) saves what is still waiting for its autosave.
  useEffect(() => {
    const save = () => void flushEdits(stores)
    window.addEventListener('pagehide', save)
    return () => window.removeEventListener('pagehide', save)
  }, [stores])

  const leavePrompt = useLeaveGuard(stores)
  useProjectCommands(setPathDialog)
  useGlobalShortcuts(openPalette)
  useRememberedPlace(stores, sessionStorageIfAny())

  return (
    <>
      <Shell appInfo={appInfo} onOpenPalette={openPalette} />
      <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} />
      {pathDialog && <ProjectPathDialog purpose={pathDialog} onClose={() => setPathDialog(null)} />}
      <SandboxOffer />
      <BundleFeature />
      <Notifications />
      <DesktopFeatures appInfo={appInfo} />
      {leavePrompt}
    </>
  )
}

/** The session's storage, or null where it is not allowed (a browser that blocks it). */
function sessionStorageIfAny(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}
