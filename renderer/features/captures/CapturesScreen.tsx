import { useEffect, useState, type KeyboardEvent } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { CaptureDetailPane } from './CaptureDetailPane'
import { CaptureList } from './CaptureList'
import './captures.css'
import { EditReplayDialog } from './EditReplayDialog'
import { ListenerReplyDialog } from './ListenerReplyDialog'
import { ReplayDialog } from './ReplayDialog'
import { SaveSampleDialog } from './SaveSampleDialog'
import { SendTestDialog } from './SendTestDialog'
import { useCaptureCommands, type InboxDialog } from './useCaptureCommands'
import { focusCaptureSearch, focusSearchTarget } from './useSearchCapturesCommand'

/** The capture inbox: payloads as they arrive, searched, inspected in Monaco, replayed, sent again. */
export function CapturesScreen() {
  const { captures, navigation } = useStudio()
  const [dialog, setDialog] = useState<InboxDialog | null>(null)
  const detail = useStudioStore(
    (s) => s.captures,
    (state) => state.detail
  )
  const projectPath = useStudioStore(
    (s) => s.project,
    (state) => state.project?.path
  )
  useCaptureCommands(setDialog)

  useEffect(() => {
    void captures.getState().show(projectPath ?? null)
    const target = navigation.getState().takeTarget()
    if (target?.id) void captures.getState().select(target.id)
    if (target?.with?.focus === focusSearchTarget.focus) focusCaptureSearch()
  }, [captures, navigation, projectPath])

  const openDetail = () => document.querySelector<HTMLElement>('.capture-detail .tab[aria-selected="true"]')?.focus()
  // Enter opens a capture's detail from the list; Escape goes back to it (not from a code editor, where Escape
  // closes its own widgets and leads out with Tab).
  const backToList = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    if (!(event.target instanceof HTMLElement) || event.target.closest('.monaco-editor')) return
    if (!event.currentTarget.querySelector('.capture-detail')?.contains(event.target)) return
    document.querySelector<HTMLElement>('[role="listbox"][aria-label="Captures"]')?.focus()
  }

  return (
    <div className="screen captures-screen" onKeyDown={backToList}>
      <CaptureList onOpenDetail={openDetail} onSendTest={() => setDialog('sendTest')} />
      <CaptureDetailPane onEdit={() => setDialog('edit')} onSaveSample={() => setDialog('saveSample')} />
      <ReplayDialog />
      <ListenerReplyDialog />
      {dialog === 'sendTest' && <SendTestDialog onClose={() => setDialog(null)} />}
      {dialog === 'edit' && detail && <EditReplayDialog detail={detail} onClose={() => setDialog(null)} />}
      {dialog === 'saveSample' && detail && <SaveSampleDialog captureId={detail.id} onClose={() => setDialog(null)} />}
    </div>
  )
}
