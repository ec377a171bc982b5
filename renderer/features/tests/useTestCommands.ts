import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'

/** The Tests screen's palette actions and shortcuts. */
export function useTestCommands(openNewTestCase: () => void) {
  const { commands, tests } = useStudio()
  useEffect(
    () =>
      commands.getState().register([
        {
          id: 'tests.runEvent',
          title: "Run the selected event's test cases",
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
          id: 'tests.runAll',
          title: 'Run every test case of the project',
          category: 'Tests',
          enabled: () => tests.getState().testCases.length > 0 && !tests.getState().running,
          run: () => {
            const ids = tests.getState().testCases.map((testCase) => testCase.id)
            void tests.getState().run({ testCaseIds: ids })
          }
        },
        {
          id: 'tests.new',
          title: 'New test case',
          category: 'Tests',
          enabled: () => tests.getState().selectedEventId !== null,
          run: openNewTestCase
        },
        ...(['cases', 'batch', 'edgeCases', 'coverage'] as const).map((panel) => ({
          id: `tests.show.${panel}`,
          title: `Show ${{ cases: 'test cases', batch: 'batch run', edgeCases: 'edge cases', coverage: 'coverage' }[panel]}`,
          category: 'Tests',
          run: () => tests.getState().showPanel(panel)
        }))
      ]),
    [commands, tests, openNewTestCase]
  )
}
