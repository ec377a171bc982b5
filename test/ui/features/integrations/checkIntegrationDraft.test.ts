import { describe, expect, it } from 'vitest'
import type { IntegrationDraft } from '../../../../shared/model/integration'
import { checkIntegrationDraft } from '../../../../renderer/features/integrations/checkIntegrationDraft'

const draft = (patch: Partial<IntegrationDraft> = {}): IntegrationDraft => ({
  name: 'WebEngage storefront',
  slug: 'webengage',
  kind: 'webengage',
  sourceAccount: 'WEB_ENGAGE',
  eventNameField: 'event_name',
  eventNameMap: [{ sourceName: 'Added To Cart', eventName: 'ProductAddedToCart' }],
  ...patch
})
const context = { otherSlugs: ['booking-app'], eventNames: ['ProductAddedToCart', 'be_reserved'] }

describe('checking an integration draft', () => {
  it('finds nothing wrong with a complete draft', () => {
    expect(checkIntegrationDraft(draft(), context)).toEqual([])
  })

  it('asks for a name and a payload field holding the event name', () => {
    const issues = checkIntegrationDraft(draft({ name: '  ', eventNameField: '' }), context)
    expect(issues.map((issue) => issue.path)).toEqual(['name', 'eventNameField'])
  })

  it("gives the slug rule's message at the slug", () => {
    expect(checkIntegrationDraft(draft({ slug: 'booking-app' }), context)).toEqual([
      { path: 'slug', severity: 'error', message: 'Another integration already uses the slug booking-app.' }
    ])
  })

  it('refuses a name another integration has, ignoring case and the spaces around and between words', () => {
    const named = { ...context, otherNames: ['Hotel booking app'] }
    expect(checkIntegrationDraft(draft({ name: ' hotel  Booking APP ' }), named)).toEqual([
      {
        path: 'name',
        severity: 'error',
        message:
          'Another integration is already named "Hotel booking app": give this one a name of its own, so the inbox, deliveries and mapping lists can tell them apart.'
      }
    ])
    expect(checkIntegrationDraft(draft({ name: 'Hotel booking app 2' }), named)).toEqual([])
  })

  it('only warns of a name clash the project already had, so the integration’s other fields still save', () => {
    const legacy = { ...context, otherNames: ['Hotel booking app'], savedName: 'Hotel booking app' }
    expect(checkIntegrationDraft(draft({ name: 'Hotel booking app' }), legacy)).toEqual([
      {
        path: 'name',
        severity: 'warning',
        message:
          'Another integration is also named "Hotel booking app": rename one of them, so the lists can tell them apart.'
      }
    ])
  })

  it('lets several source names mean one event', () => {
    const map = [
      { sourceName: 'Added To Cart', eventName: 'ProductAddedToCart' },
      { sourceName: 'Product Added To Cart', eventName: 'ProductAddedToCart' }
    ]
    expect(checkIntegrationDraft(draft({ eventNameMap: map }), context)).toEqual([])
  })

  it('flags a repeated source name at the row that repeats it', () => {
    const map = [
      { sourceName: 'Added To Cart', eventName: 'ProductAddedToCart' },
      { sourceName: 'Viewed', eventName: 'be_reserved' },
      { sourceName: 'Added To Cart', eventName: 'be_reserved' }
    ]
    expect(checkIntegrationDraft(draft({ eventNameMap: map }), context)).toEqual([
      {
        path: 'eventNameMap/2/sourceName',
        severity: 'error',
        message: '"Added To Cart" is already mapped in row 1: each source name means one event.'
      }
    ])
  })

  it('asks to complete a row, and warns about an event the project does not have', () => {
    const map = [
      { sourceName: '', eventName: '' },
      { sourceName: 'Product Viewed', eventName: 'ProductViewed' }
    ]
    expect(checkIntegrationDraft(draft({ eventNameMap: map }), context)).toEqual([
      { path: 'eventNameMap/0/sourceName', severity: 'error', message: 'Type the event name as the app sends it.' },
      { path: 'eventNameMap/0/eventName', severity: 'error', message: 'Choose the Capillary event this name means.' },
      {
        path: 'eventNameMap/1/eventName',
        severity: 'warning',
        message: 'There is no event named ProductViewed in this project.'
      }
    ])
  })
})
