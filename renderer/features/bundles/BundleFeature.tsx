import { useCallback, useEffect, useState } from 'react'
import type { BundleSource } from '../../../shared/api/bundles'
import { useStudio } from '../../app/StudioContext'
import { BundleDiffDialog } from './BundleDiffDialog'
import { ExportBundleDialog } from './ExportBundleDialog'
import { ImportBundleDialog } from './ImportBundleDialog'
import { useBundleDrop } from './useBundleDrop'
import './bundles.css'

/** Which bundle dialog is open, and for an import or diff, the bundle it started from (a dropped file). */
export type BundleDialog =
  { kind: 'export' } | { kind: 'import'; source?: BundleSource } | { kind: 'diff'; source: BundleSource }

/**
 * Bundles in the studio: Export Bundle… and Import Bundle… (File menu and palette), a *.capmap.json dropped on the
 * window, and the diff of a bundle against the open project. Mounted once from App.
 */
export function BundleFeature() {
  const { api, commands, project } = useStudio()
  const [dialog, setDialog] = useState<BundleDialog | null>(null)

  useEffect(() => {
    const hasProject = () => project.getState().project !== null
    return commands.getState().register([
      {
        id: 'bundle.export',
        title: 'Export Bundle…',
        category: 'Bundle',
        enabled: hasProject,
        run: () => setDialog({ kind: 'export' })
      },
      {
        id: 'bundle.import',
        title: 'Import Bundle…',
        category: 'Bundle',
        enabled: hasProject,
        // The desktop app's native dialog picks the file first; web mode asks for a path in the dialog.
        run: async () => {
          const picked = await api.pickBundlePath({ purpose: 'import' })
          if (!picked.ok || !picked.value.supported) return setDialog({ kind: 'import' })
          if (picked.value.path) setDialog({ kind: 'import', source: { path: picked.value.path } })
        }
      }
    ])
  }, [api, commands, project])

  useBundleDrop(useCallback((source: BundleSource) => setDialog({ kind: 'import', source }), []))

  const close = () => setDialog(null)
  if (dialog?.kind === 'export') return <ExportBundleDialog onClose={close} />
  if (dialog?.kind === 'import')
    return (
      <ImportBundleDialog
        initialSource={dialog.source}
        onClose={close}
        onShowDiff={(source) => setDialog({ kind: 'diff', source })}
      />
    )
  if (dialog?.kind === 'diff')
    return (
      <BundleDiffDialog
        source={dialog.source}
        onClose={close}
        onBack={() => setDialog({ kind: 'import', source: dialog.source })}
      />
    )
  return null
}
