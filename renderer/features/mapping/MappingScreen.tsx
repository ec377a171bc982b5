import { useCallback, useEffect, useRef, useState } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { CaptureWithoutMappingNotice } from './CaptureWithoutMappingNotice'
import './mapping.css'
import { MappingDesigner } from './MappingDesigner'
import { MappingList } from './MappingList'
import { NewMappingDialog } from './NewMappingDialog'
import type { CaptureWithoutMapping } from './store'
import { useMappingCommands } from './useMappingCommands'

/** The new-mapping dialog, when open: for a capture no mapping reads yet, or plain. */
type Creating = { forCapture: CaptureWithoutMapping | null } | null

/**
 * The Mappings screen. Other screens may send the user here with a mapping and a capture to preview
 * (`open('mapping', { id, with: { captureId } })`); a capture that no mapping reads is said so, with an offer to
 * create its mapping. Without either, the first mapping opens, so the designer is never empty when there is
 * something to show.
 */
export function MappingScreen() {
  const { mapping, navigation } = useStudio()
  const [creating, setCreating] = useState<Creating>(null)
  const suggestRef = useRef<() => void>(() => {})
  const newMapping = useCallback(() => setCreating({ forCapture: null }), [])
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
  const captureWithoutMapping = useStudioStore(
    (s) => s.mapping,
    (state) => state.captureWithoutMapping
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
      // Only a capture that could not be read (the error is on show) falls through to the first mapping.
      if (captureId && (await state.openCapture(captureId)) !== 'unreadable') return
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
      {captureWithoutMapping ? (
        <CaptureWithoutMappingNotice
          capture={captureWithoutMapping}
          onCreate={() => setCreating({ forCapture: captureWithoutMapping })}
        />
      ) : (
        <MappingDesigner suggestRef={suggestRef} />
      )}
      {creating && <NewMappingDialog forCapture={creating.forCapture} onClose={() => setCreating(null)} />}
    </div>
  )
}
