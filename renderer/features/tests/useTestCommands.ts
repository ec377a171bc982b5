import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'

/** Also offered from every screen (useScreenCommandLaunchers): it shows this screen and runs there. */
export const runAllTestsCommand = { id: 'tests.runAll', title: 'Run Every Test Case of the Project', category: 'Tests' }

/** The Tests screen's palette actions and shortcuts. */
export function useTestCommands(openNewTestCase: () => void) {
  const { commands, tests } = useStudio()
  useEffect(
    () =>
      commands.getState().register([
        {
          id: 'tests.runEvent',
          title: "Run the Selected Event's Test Cases",
          category: 'Tests',
          shortcut: 'Mod+Shift+Enter',
          enabled: () => {
            const { selectedEventId, statuses, running } = tests.getState()
            return !running && (statuses.find((status) => status.eventId === selectedEventId)?.testCases ?? 0) > 0
          },
          run: () => {
            const { selectedEventId } = tests.getState()
            if (selectedEventId) void tests.getState().run({ eventId: selectedEventId })
          }
        },
        {
          ...runAllTestsCommand,
          enabled: () => tests.getState().testCases.length > 0 && !tests.getState().running,
          run: () => {
            const ids = tests.getState().testCases.map((testCase) => testCase.id)
            void tests.getState().run({ testCaseIds: ids })
          }
        },
        {
          id: 'tests.new',
          title: 'New Test Case',
          category: 'Tests',
          enabled: () => tests.getState().selectedEventId !== null,
          run: openNewTestCase
        },
        ...(['cases', 'batch', 'edgeCases', 'coverage'] as const).map((panel) => ({
          id: `tests.show.${panel}`,
          title: `Show ${{ cases: 'Test Cases', batch: 'Batch Run', edgeCases: 'Edge Cases', coverage: 'Coverage' }[panel]}`,
          category: 'Tests',
          run: () => tests.getState().showPanel(panel)
        }))
      ]),
    [commands, tests, openNewTestCase]
  )
}
