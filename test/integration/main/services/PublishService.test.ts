import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Studio } from '../../../../main/services/createStudio'
import { createTestStudio, type TestStudio } from '../../support/testStudio'

describe('PublishService', () => {
  let fixture: TestStudio
  let studio: Studio

  beforeEach(() => {
    fixture = createTestStudio('publish-service')
    studio = fixture.studio
    studio.newProject(join(fixture.folder, 'Sample.capmap'), true)
  })

  afterEach(() => fixture.dispose())

  const stored = (eventId: string) => studio.events.list().find((event) => event.id === eventId)!.status
  const gate = (eventId: string) => studio.testCases.list({ eventId }).statuses[0]!

  describe('newEventVersion', () => {
    it('sends the old event back to Draft once its mappings and test cases move to the new version', async () => {
      const reserved = studio.session.require().events.findByName('be_reserved')!
      await studio.testCases.run({ eventId: reserved.id })
      expect([stored(reserved.id), gate(reserved.id).status]).toEqual(['tested', 'tested'])

      studio.publish.newEventVersion(reserved.id, 'be_reserved_v2')

      expect(gate(reserved.id)).toMatchObject({ status: 'draft', testCases: 0 })
      expect(stored(reserved.id)).toBe(gate(reserved.id).status)
    })

    it('keeps the old event Draft when the test cases run again, and makes the new version Tested', async () => {
      const reserved = studio.session.require().events.findByName('be_reserved')!
      await studio.testCases.run({ eventId: reserved.id })
      const { event: version } = studio.publish.newEventVersion(reserved.id, 'be_reserved_v2')
      expect([stored(version.id), gate(version.id).status]).toEqual(['draft', 'draft'])

      await studio.testCases.run({ all: true })

      expect([stored(reserved.id), gate(reserved.id).status]).toEqual(['draft', 'draft'])
      expect([stored(version.id), gate(version.id).status]).toEqual(['tested', 'tested'])
    })

    it('says the old event changed as well as that the new one was created', async () => {
      const reserved = studio.session.require().events.findByName('be_reserved')!
      await studio.testCases.run({ eventId: reserved.id })
      const changed: unknown[] = []
      studio.bus.subscribe((name, payload) => name === 'eventsChanged' && changed.push(payload))

      const { event: version } = studio.publish.newEventVersion(reserved.id, 'be_reserved_v2')

      expect(changed).toEqual([
        { reason: 'updated', id: reserved.id },
        { reason: 'created', id: version.id }
      ])
    })
  })
})
