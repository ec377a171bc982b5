import { describe, expect, it } from 'vitest'
import { ReceivedPerMinute } from '../../../../main/services/ReceivedPerMinute'

describe('ReceivedPerMinute', () => {
  it('counts captures by the minute they were received in, oldest minute first', () => {
    const received = new ReceivedPerMinute()
    received.record(['2026-11-29T10:00:59.999Z', '2026-11-29T10:01:00.000Z', '2026-11-29T10:01:30.000Z'])
    received.record(['2026-11-29T10:03:10.000Z'])
    expect(received.counted(new Date('2026-11-29T10:00:00.000Z'), 4)).toEqual([1, 2, 0, 1])
    // A window that does not start on a minute's turn counts from the start of its minute.
    expect(received.counted(new Date('2026-11-29T10:01:45.000Z'), 2)).toEqual([2, 0])
  })

  it('forgets minutes older than it keeps, and everything when cleared', () => {
    const received = new ReceivedPerMinute(60)
    received.record(['2026-11-29T10:00:00.000Z'])
    received.record(['2026-11-29T10:59:00.000Z'])
    expect(received.counted(new Date('2026-11-29T10:00:00.000Z'), 1)).toEqual([1])
    received.record(['2026-11-29T11:00:00.000Z'])
    expect(received.counted(new Date('2026-11-29T10:00:00.000Z'), 1)).toEqual([0])
    expect(received.counted(new Date('2026-11-29T10:59:00.000Z'), 2)).toEqual([1, 1])
    received.clear()
    expect(received.counted(new Date('2026-11-29T10:59:00.000Z'), 2)).toEqual([0, 0])
  })

  it('skips a time it cannot read', () => {
    const received = new ReceivedPerMinute()
    received.record(['not a time', '2026-11-29T10:00:00.000Z'])
    expect(received.counted(new Date('2026-11-29T10:00:00.000Z'), 1)).toEqual([1])
  })
})
