import { useEffect } from 'react'
import { bundleDropMaxChars, type BundleSource } from '../../../shared/api/bundles'
import { bundleTextOf, notUtf8Problem } from '../../../shared/bundle/bundleText'
import { useStudio } from '../../app/StudioContext'

const isBundleName = (name: string) => /\.capmap\.json$/i.test(name)

/**
 * A *.capmap.json dropped anywhere on the window opens the import with it: its text is read here (a browser has no
 * path to give) and checked in main like any bundle. Other drops are left to whoever handles them.
 */
/** `onBundle` should be stable (useCallback): the listeners are added again when it changes. */
export function useBundleDrop(onBundle: (source: BundleSource) => void): void {
  const { notifications, project } = useStudio()
  useEffect(() => {
    const bundleFile = (event: DragEvent) => {
      const items = [...(event.dataTransfer?.items ?? [])]
      return items.some((item) => item.kind === 'file')
        ? [...(event.dataTransfer?.files ?? [])].find((file) => isBundleName(file.name))
        : undefined
    }
    const over = (event: DragEvent) => {
      if ([...(event.dataTransfer?.types ?? [])].includes('Files')) event.preventDefault()
    }
    const drop = (event: DragEvent) => {
      const file = bundleFile(event)
      if (!file) return
      event.preventDefault()
      if (project.getState().project === null) {
        return notifications.getState().notify('error', 'Open or create a project first, then drop the bundle again.')
      }
      if (file.size > bundleDropMaxChars) {
        return notifications
          .getState()
          .notify('error', `${file.name} is over 6 MB: import it by its path (File › Import Bundle…).`)
      }
      void file.arrayBuffer().then(
        (bytes) => {
          const text = bundleTextOf(new Uint8Array(bytes))
          if (text === undefined) return notifications.getState().notify('error', notUtf8Problem(file.name))
          onBundle({ text, name: file.name })
        },
        () => notifications.getState().notify('error', `${file.name} could not be read.`)
      )
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [notifications, project, onBundle])
}
