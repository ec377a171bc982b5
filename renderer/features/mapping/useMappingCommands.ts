import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'
import { undoRedoCommands } from '../../app/undoRedoCommands'

/** Also offered from every screen (useScreenCommandLaunchers): it shows this screen and runs there. */
export const newMappingCommand = { id: 'mapping.new', title: 'New Mapping…', category: 'Mappings' }

/** The mapping designer's palette actions (registered while the Mappings screen is shown). */
export function useMappingCommands(actions: { newMapping(): void; suggest(): void }): void {
  const { commands, mapping, project } = useStudio()
  const { newMapping, suggest } = actions
  useEffect(() => {
    const writable = () => project.getState().project?.readOnly === false
    const selected = () => writable() && mapping.getState().selectedId !== null
    const ruleSelected = () => selected() && mapping.getState().selectedTarget !== null
    return commands.getState().register([
      { ...newMappingCommand, enabled: writable, run: newMapping },
      { id: 'mapping.suggest', title: 'Suggest Mappings', category: 'Mappings', enabled: selected, run: suggest },
      {
        id: 'mapping.removeRule',
        title: 'Remove the Selected Rule',
        category: 'Mappings',
        enabled: ruleSelected,
        run: () => {
          const target = mapping.getState().selectedTarget
          if (target) mapping.getState().disconnect(target)
        }
      },
      {
        id: 'mapping.delete',
        title: 'Delete Mapping',
        category: 'Mappings',
        enabled: selected,
        run: async () => {
          const id = mapping.getState().selectedId
          if (id) await mapping.getState().remove(id)
        }
      },
      {
        id: 'mapping.save',
        title: 'Save Mapping Now',
        category: 'Mappings',
        enabled: selected,
        run: () => mapping.getState().flush()
      },
      ...undoRedoCommands(mapping)
    ])
  }, [commands, mapping, project, newMapping, suggest])
}
