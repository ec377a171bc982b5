import { describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../shared/api/result'
import { createPublishStore } from '../../../renderer/features/publish/store'
import { fakePublishApi, plan, planEvent, progress, target } from './fakePublishApi'

function publishStore(api = fakePublishApi()) {
  const onError = vi.fn()
  const onNotice = vi.fn()
  return { api, onError, onNotice, store: createPublishStore(api, onError, onNotice) }
}

describe('publish store', () => {
  it('publishes only the ready events of the dry run it showed', async () => {
    const api = fakePublishApi({
      plan: plan([
        planEvent('e1', 'be_reserved'),
        planEvent('e2', 'cart', { ready: false, blockers: [{ code: 'not_tested', message: 'Not Tested.' }] })
      ])
    })
    const { store } = publishStore(api)
    await store.getState().selectProfile('p1')
    expect(await store.getState().publish()).toBe(false)
    expect(api.startPublish).not.toHaveBeenCalled()
    await store.getState().dryRun(['e1', 'e2'])
    expect(await store.getState().publish()).toBe(true)
    expect(api.startPublish).toHaveBeenCalledWith({ profileId: 'p1', eventIds: ['e1'], waitForPublishedSeconds: 0 })
    expect(store.getState().run).toMatchObject({ runId: 'r1', running: true, eventIds: ['e1'] })
  })

  it('needs a new dry run before publishing again: the org changed with the last publish', async () => {
    const { store, api } = publishStore()
    await store.getState().selectProfile('p1')
    await store.getState().dryRun(['e1'])
    await store.getState().publish()
    store.getState().receiveProgress(progress({ step: 'awaiting_publish', done: true, runDone: true }))
    expect(await store.getState().publish()).toBe(false)
    expect(store.getState().planUsed).toBe(true)
    await store.getState().dryRun(['e1'])
    expect(await store.getState().publish()).toBe(true)
    expect(api.startPublish).toHaveBeenCalledTimes(2)
  })

  it('keeps every step of an event in order and stops running when the run is done', async () => {
    const { store } = publishStore()
    await store.getState().selectProfile('p1')
    await store.getState().dryRun(['e1'])
    await store.getState().publish()
    store.getState().receiveProgress(progress({ step: 'definition' }))
    store.getState().receiveProgress(progress({ step: 'test_post' }))
    store.getState().receiveProgress(progress({ step: 'awaiting_publish', done: true, runDone: true }))
    expect(store.getState().history.e1?.map((entry) => entry.step)).toEqual([
      'definition',
      'test_post',
      'awaiting_publish'
    ])
    expect(store.getState().run?.running).toBe(false)
    expect(store.getState().run?.events).toHaveLength(1)
  })

  it("forgets the last project's dry run and run when another project opens, and reads the new one's state", async () => {
    const { store, api } = publishStore()
    await store.getState().selectProfile('p1')
    await store.getState().dryRun(['e1'])
    await store.getState().publish()
    store.getState().receiveProgress(progress({ step: 'awaiting_publish', done: true, runDone: true }))
    const reads = vi.mocked(api.listPublishState).mock.calls.length
    store.getState().forgetProject()
    expect(store.getState()).toMatchObject({ plan: null, run: null, history: {}, choices: {}, profileId: 'p1' })
    expect(vi.mocked(api.listPublishState).mock.calls.length).toBe(reads + 1)
  })

  it('keeps progress that arrived before startPublish answered', async () => {
    const api = fakePublishApi()
    const { store } = publishStore(api)
    await store.getState().selectProfile('p1')
    await store.getState().dryRun(['e1'])
    api.startPublish.mockImplementationOnce(async () => {
      store.getState().receiveProgress(progress({ step: 'local_checks' }))
      return ok({ runId: 'r1' })
    })
    await store.getState().publish()
    expect(store.getState().history.e1?.map((entry) => entry.step)).toEqual(['local_checks'])
    expect(store.getState().run?.target).toEqual(target)
  })

  it("ignores a stale run's progress while its own run goes on", async () => {
    const { store } = publishStore()
    await store.getState().selectProfile('p1')
    await store.getState().dryRun(['e1'])
    await store.getState().publish()
    store.getState().receiveProgress(progress({ runId: 'old', step: 'failed', done: true, runDone: true }))
    expect(store.getState().run?.runId).toBe('r1')
    expect(store.getState().history.e1).toBeUndefined()
  })

  it("says why a dry run could not be made, and forgets the last profile's plan when another is chosen", async () => {
    const api = fakePublishApi()
    const { store } = publishStore(api)
    await store.getState().selectProfile('p1')
    await store.getState().dryRun(['e1'])
    expect(store.getState().plan).not.toBeNull()
    await store.getState().selectProfile('p2')
    expect(store.getState().plan).toBeNull()
    api.planPublish.mockResolvedValueOnce(fail('unauthorized', 'wrong till code or password'))
    expect(await store.getState().dryRun(['e1'])).toBeNull()
    expect(store.getState().planError).toBe('wrong till code or password')
  })

  it('drops a dry run answer that comes after the profile changed', async () => {
    const api = fakePublishApi()
    const { store } = publishStore(api)
    await store.getState().selectProfile('p1')
    let answer: () => void = () => undefined
    api.planPublish.mockImplementationOnce(
      () => new Promise((resolve) => (answer = () => resolve(ok(plan([planEvent('e1', 'be_reserved')])))))
    )
    const planning = store.getState().dryRun(['e1'])
    await store.getState().selectProfile('p2')
    answer()
    await planning
    expect(store.getState().plan).toBeNull()
  })

  it('tells what a check found newly published', async () => {
    const api = fakePublishApi()
    api.checkPublished.mockResolvedValueOnce(
      ok({
        target,
        events: [{ eventId: 'e1', eventName: 'be_reserved', remote: 'published', locked: true, newlyLocked: true }]
      })
    )
    const { store, onNotice } = publishStore(api)
    await store.getState().selectProfile('p1')
    await store.getState().checkPublished()
    expect(onNotice).toHaveBeenCalledWith('Published on UAT org, now locked: be_reserved.')
    await store.getState().checkPublished()
    expect(onNotice).toHaveBeenLastCalledWith('Nothing new is published on UAT org yet.')
    // The screen's periodic check stays quiet while nothing changes.
    await store.getState().checkPublished({ quiet: true })
    expect(onNotice).toHaveBeenCalledTimes(2)
  })

  it("imports the chosen org events and keeps only choices the org's new answer still allows", async () => {
    const { store, api } = publishStore()
    await store.getState().selectProfile('p1')
    store.getState().choosePull('gone_event', true)
    await store.getState().comparePull()
    expect(store.getState().pullChoices).toEqual([])
    store.getState().choosePull('store_visit', true)
    await store.getState().applyPull()
    expect(api.applyPull).toHaveBeenCalledWith({ profileId: 'p1', eventNames: ['store_visit'] })
    expect(store.getState().pullChoices).toEqual([])
  })
})
