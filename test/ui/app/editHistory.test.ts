import { describe, expect, it } from 'vitest'
import { coalesceWindowMs, createEditHistories, createEditHistory } from '../../../renderer/app/editHistory'

describe('the edit history', () => {
  it('undoes and redoes whole states in order', () => {
    const history = createEditHistory<string>()
    history.record('a', 0, 'name')
    history.record('ab', 10_000, 'label')
    expect(history.undo('abc')).toBe('ab')
    expect(history.undo('ab')).toBe('a')
    expect(history.canUndo()).toBe(false)
    expect(history.redo('a')).toBe('ab')
    expect(history.redo('ab')).toBe('abc')
    expect(history.canRedo()).toBe(false)
  })

  it('merges quick edits of the same field into one step', () => {
    const history = createEditHistory<string>()
    history.record('', 0, 'name')
    history.record('s', 100, 'name')
    history.record('st', 200, 'name')
    expect(history.undo('sto')).toBe('')
    expect(history.canUndo()).toBe(false)
  })

  it('keeps quick edits of different fields as separate steps', () => {
    const history = createEditHistory<string>()
    history.record('one', 0, 'name')
    history.record('two', 50, 'attributes/1/name')
    expect(history.undo('three')).toBe('two')
    expect(history.undo('two')).toBe('one')
  })

  it('starts a new step when the same field is edited again after a pause', () => {
    const history = createEditHistory<string>()
    history.record('a', 0, 'name')
    history.record('b', coalesceWindowMs + 1, 'name')
    expect(history.undo('c')).toBe('b')
  })

  it('forgets the redo side when a new edit is made', () => {
    const history = createEditHistory<string>()
    history.record('a', 0, 'name')
    history.undo('b')
    history.record('a', 10_000, 'name')
    expect(history.canRedo()).toBe(false)
  })
})

describe('the edit histories of many items', () => {
  it('keeps one history per item, and forgets a deleted one', () => {
    const histories = createEditHistories<string>()
    histories.record('event-a', 'a1', 0, 'name')
    histories.record('event-b', 'b1', 0, 'name')
    expect(histories.flags('event-a')).toEqual({ canUndo: true, canRedo: false })
    expect(histories.undo('event-a', 'a2')).toBe('a1')
    expect(histories.flags('event-a')).toEqual({ canUndo: false, canRedo: true })
    expect(histories.undo('event-b', 'b2')).toBe('b1')
    histories.forget('event-a')
    expect(histories.flags('event-a')).toEqual({ canUndo: false, canRedo: false })
    expect(histories.redo('event-a', 'a1')).toBeUndefined()
    expect(histories.flags(null)).toEqual({ canUndo: false, canRedo: false })
  })
})
