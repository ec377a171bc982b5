import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'
import { publishButton } from './publishButton'
import { publishRows } from './publishRows'

/** Also offered from every screen (useScreenCommandLaunchers): it shows this screen and runs there. */
export const dryRunCommand = { id: 'publish.dryRun', title: 'Dry Run of the Included Events', category: 'Publish' }

/** The Publish screen's palette actions, while it shows (for the chosen profile). */
export function usePublishCommands(profileName: string | null) {
  const { commands, publish, events } = useStudio()
  useEffect(() => {
    if (!profileName) return
    const includedIds = () => {
      const { state, choices } = publish.getState()
      return publishRows(events.getState().events, profileName, state, choices)
        .filter((row) => row.included)
        .map((row) => row.event.id)
    }
    const idle = () => !publish.getState().run?.running && !publish.getState().starting
    return commands.getState().register([
      {
        ...dryRunCommand,
        enabled: () => idle() && !publish.getState().planning && includedIds().length > 0,
        run: async () => {
          publish.getState().showTab('publish')
          await publish.getState().dryRun(includedIds())
        }
      },
      {
        id: 'publish.start',
        title: 'Publish the Events the Dry Run Found Ready',
        category: 'Publish',
        enabled: () => {
          const { plan, planUsed } = publish.getState()
          return idle() && publishButton(plan, planUsed, includedIds()).enabled
        },
        run: () => {
          publish.getState().showTab('publish')
          publish.getState().askToPublish()
        }
      },
      {
        id: 'publish.cancel',
        title: 'Cancel the Publish',
        category: 'Publish',
        enabled: () => publish.getState().run?.running ?? false,
        run: () => publish.getState().cancel()
      },
      {
        id: 'publish.checkPublished',
        title: `Check Whether ${profileName} Published the Events`,
        category: 'Publish',
        enabled: () => !publish.getState().checking,
        run: () => void publish.getState().checkPublished()
      },
      {
        id: 'publish.pull',
        title: `Pull from Org: Compare ${profileName} with the Project`,
        category: 'Publish',
        enabled: () => !publish.getState().pulling,
        run: async () => {
          publish.getState().showTab('drift')
          await publish.getState().comparePull()
        }
      },
      {
        id: 'publish.showDrift',
        title: 'Show the Drift with the Org',
        category: 'Publish',
        run: () => publish.getState().showTab('drift')
      }
    ])
  }, [commands, publish, events, profileName])
}
