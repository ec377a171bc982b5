import { describe, expect, it } from 'vitest'
import { nextVersionName } from '../../../renderer/features/publish/NewVersionDialog'
import { stepStates } from '../../../renderer/features/publish/stepStates'
import { progress } from './fakePublishApi'

describe('stepStates', () => {
  it('marks the steps before the furthest reached done, that one active and the rest not yet', () => {
    const states = stepStates([progress({ step: 'definition' }), progress({ step: 'test_post' })])
    expect(states).toMatchObject({
      local_checks: 'done',
      definition: 'done',
      adapter_mapping: 'done',
      test_post: 'active',
      logs: 'pending',
      published: 'pending'
    })
  })

  it('marks the step the run stopped at as failed', () => {
    const states = stepStates([progress({ step: 'webhook' }), progress({ step: 'failed', done: true })])
    expect(states.definition).toBe('done')
    expect(states.webhook).toBe('failed')
    expect(states.test_post).toBe('pending')
  })

  it('waits for a person at the InTouch step, and is all done once locked', () => {
    const history = [progress({ step: 'awaiting_publish', done: true })]
    expect(stepStates(history).awaiting_publish).toBe('waiting')
    expect(Object.values(stepStates(history, true)).every((state) => state === 'done')).toBe(true)
  })
})

describe('nextVersionName', () => {
  it('numbers the next free version', () => {
    expect(nextVersionName('be_reserved', [])).toBe('be_reserved_v2')
    expect(nextVersionName('be_reserved_v2', ['be_reserved_v3'])).toBe('be_reserved_v4')
  })
})
