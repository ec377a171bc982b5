import { useEffect } from 'react'
import { useStudio } from '../../app/StudioContext'
import { publishButton } from './publishButton'
import { publishRows } from './publishRows'

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
        id: 'publish.dryRun',
        title: 'Dry run of the included events',
        category: 'Publish',
        enabled: () => idle() && !publish.getState().planning && includedIds().length > 0,
        run: async () => {
          publish.getState().showTab('publish')
          await publish.getState().dryRun(includedIds())
        }
      },
      {
        id: 'publish.start',
        title: 'Publish the events the dry run found ready',
        category: 'Publish',
        enabled: () => {
          const { plan, planUsed } = publish.getState()
          return idle() && publishButton(plan, planUsed, includedIds()).enabled
        },
        run: async () => {
          publish.getState().showTab('publish')
          await publish.getState().publish()
        }
      },
      {
        id: 'publish.cancel',
        title: 'Cancel the publish',
        category: 'Publish',
        enabled: () => publish.getState().run?.running ?? false,
        run: () => publish.getState().cancel()
      },
      {
        id: 'publish.checkPublished',
        title: `Check whether ${profileName} published the events`,
        category: 'Publish',
        enabled: () => !publish.getState().checking,
        run: () => void publish.getState().checkPublished()
      },
      {
        id: 'publish.pull',
        title: `Pull from org: compare ${profileName} with the project`,
        category: 'Publish',
        enabled: () => !publish.getState().pulling,
        run: async () => {
          publish.getState().showTab('drift')
          await publish.getState().comparePull()
        }
      },
      {
        id: 'publish.showDrift',
        title: 'Show the drift with the org',
        category: 'Publish',
        run: () => publish.getState().showTab('drift')
      }
    ])
  }, [commands, publish, events, profileName])
}
