import { describe, expect, it } from 'vitest'
import { saveStatusText } from '../../../renderer/app/saveStatus'

const at = (ms: number) => `at ${ms}`

describe('saveStatusText', () => {
  it('counts events and integrations kept unsaved elsewhere, before the time of the last save', () => {
    expect(saveStatusText('saved', 5, false, at, { events: 1, integrations: 0 })).toBe('1 event not saved')
    expect(saveStatusText('saved', 5, false, at, { events: 0, integrations: 2 })).toBe('2 integrations not saved')
    expect(saveStatusText('pending', 5, false, at, { events: 2, integrations: 1 })).toBe(
      '2 events and 1 integration not saved'
    )
  })

  it('says the open draft is not saved either, counting the kept ones as others', () => {
    expect(saveStatusText('invalid', 5, false, at, { events: 1, integrations: 1 })).toBe(
      'Not saved: fix the problems shown · 1 other event and 1 other integration not saved'
    )
  })

  it('gives the time of the last save when nothing is kept', () => {
    expect(saveStatusText('saved', 5, false, at)).toBe('All changes saved · at 5')
  })
})
