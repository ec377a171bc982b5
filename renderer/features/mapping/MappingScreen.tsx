import { useCallback, useEffect, useRef, useState } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import './mapping.css'
import { MappingDesigner } from './MappingDesigner'
import { MappingList } from './MappingList'
import { NewMappingDialog } from './NewMappingDialog'
import { useMappingCommands } from './useMappingCommands'

/**
 * The Mappings screen. Other screens may send the user here with a mapping and a capture to preview
 * (`open('mapping', { id, with: { captureId } })`); without one, the first mapping opens, so the designer is never
 * empty when there is something to show.
 */
export function MappingScreen() {
  const { mapping, navigation } = useStudio()
  const [creating, setCreating] = useState(false)
  const suggestRef = useRef<() => void>(() => {})
  const newMapping = useCallback(() => setCreating(true), [])
  const suggest = useCallback(() => suggestRef.current(), [])
  useMappingCommands({ newMapping, suggest })
  const loaded = useStudioStore(
    (s) => s.mapping,
    (state) => state.loaded
  )
  const pendingTarget = useStudioStore(
    (s) => s.navigation,
    (state) => state.target
  )

  // Taking the target changes it, which runs the effect again: the selection it asked for is still under way then,
  // and must not be overtaken by the first mapping.
  const choosing = useRef(false)
  useEffect(() => {
    if (!loaded) return
    const target = navigation.getState().takeTarget()
    if (!target && choosing.current) return
    const captureId = target?.with?.captureId
    const state = mapping.getState()
    const open = async () => {
      if (target?.id) return state.select(target.id, captureId ? { captureId } : {})
      if (captureId && (await state.openCapture(captureId))) return
      if (state.selectedId === null && state.mappings[0]) return state.select(state.mappings[0].id)
    }
    choosing.current = true
    void open().finally(() => {
      choosing.current = false
    })
  }, [loaded, pendingTarget, mapping, navigation])

  return (
    <div className="screen">
      <MappingList onNew={newMapping} />
      <MappingDesigner suggestRef={suggestRef} />
      {creating && <NewMappingDialog onClose={() => setCreating(false)} />}
    </div>
  )
}
