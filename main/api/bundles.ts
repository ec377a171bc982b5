import type { Studio } from '../services/createStudio'
import type { Handlers } from './handlers'

export const createBundleHandlers = (
  studio: Studio
): Pick<
  Handlers,
  | 'pickBundlePath'
  | 'scanBundleExport'
  | 'exportBundle'
  | 'previewBundleImport'
  | 'importBundle'
  | 'diffBundleWithProject'
> => ({
  pickBundlePath: ({ purpose }) => studio.fileDialogs.pickPath(`bundle.${purpose}`),
  scanBundleExport: ({ eventNames }) => studio.bundles.scanExport(eventNames),
  exportBundle: ({ path, eventNames, allowSecrets, redactPersonalData, overwrite }) =>
    studio.bundles.export(path, eventNames, { allowSecrets, redactPersonalData, overwrite }),
  previewBundleImport: ({ source }) => studio.bundles.preview(source),
  importBundle: (input) =>
    input.mode === 'new'
      ? { project: studio.bundles.importAsNew(input.source, input.projectPath) }
      : { merged: studio.bundles.merge(input.source, input.choices) },
  diffBundleWithProject: ({ source }) => studio.bundles.diffWithProject(source)
})
