import { describe, expect, it } from 'vitest'
import type { EventDefinition } from '../../../../shared/model/event'
import { filterEvents, noFilter } from '../../../../renderer/features/events/eventFilter'

const event = (name: string, overrides: Partial<EventDefinition> = {}): EventDefinition => ({
  id: name,
  name,
  label: '',
  description: '',
  kind: 'custom',
  actions: ['EIConsumer'],
  attributes: [],
  status: 'draft',
  publications: [],
  createdAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z',
  ...overrides
})

const published = { profile: 'UAT', publishedAt: '2026-11-28T00:00:00.000Z', publishedBy: 'consultant' }
const events = [
  event('be_reserved', { label: 'Hotel room reserved' }),
  event('ProductAddedToCart', { kind: 'standard', status: 'tested' }),
  event('coupon_used', { publications: [published] })
]

describe('filterEvents', () => {
  it('finds events by name, label or attribute name, ignoring case', () => {
    expect(filterEvents(events, { ...noFilter, text: 'HOTEL' }).map((e) => e.name)).toEqual(['be_reserved'])
    expect(filterEvents(events, { ...noFilter, text: 'cart' }).map((e) => e.name)).toEqual(['ProductAddedToCart'])
  })

  it('filters by kind and by status, published being its own status', () => {
    expect(filterEvents(events, { ...noFilter, kind: 'standard' }).map((e) => e.name)).toEqual(['ProductAddedToCart'])
    expect(filterEvents(events, { ...noFilter, status: 'tested' }).map((e) => e.name)).toEqual(['ProductAddedToCart'])
    expect(filterEvents(events, { ...noFilter, status: 'published' }).map((e) => e.name)).toEqual(['coupon_used'])
  })
})
