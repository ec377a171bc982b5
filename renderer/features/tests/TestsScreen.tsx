import { useCallback, useEffect, useState } from 'react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { EventTestList } from './EventTestList'
import { EventTestsPane } from './EventTestsPane'
import { NewTestCaseDialog } from './NewTestCaseDialog'
import { useTestCommands } from './useTestCommands'
import './tests.css'

/** Where mappings are proven before publishing: test cases, batch runs, edge cases, coverage and the Tested gate. */
export function TestsScreen() {
  const { tests, navigation } = useStudio()
  const eventId = useStudioStore(
    (s) => s.tests,
    (state) => state.selectedEventId
  )
  // Another screen may have sent a capture here to save as a test case: the dialog opens with it.
  const [dialog, setDialog] = useState<{ captureId?: string; anyEvent: boolean } | null>(() => {
    const target = navigation.getState().target
    const captureId = target?.with?.captureId
    return captureId ? { captureId, anyEvent: !target.id } : null
  })
  const openNewTestCase = useCallback(() => setDialog({ anyEvent: false }), [])
  useTestCommands(openNewTestCase)

  useEffect(() => {
    void tests.getState().load()
    const target = navigation.getState().takeTarget()
    if (target?.id) tests.getState().selectEvent(target.id)
  }, [tests, navigation])

  return (
    <div className="screen">
      <EventTestList />
      <EventTestsPane onNewTestCase={openNewTestCase} />
      {dialog && (
        <NewTestCaseDialog
          eventId={dialog.anyEvent ? null : eventId}
          {...(dialog.captureId ? { captureId: dialog.captureId } : {})}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  )
}
