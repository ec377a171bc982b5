import type { BundleContent } from '../../../../shared/bundle/canonicalBundle'

/** A valid bundle's content: one event with two attributes, one integration, its mapping and one test case. */
export const sampleBundleContent = (): BundleContent => ({
  events: [
    {
      name: 'be_reserved',
      label: 'Reserved',
      description: '',
      kind: 'custom',
      actions: ['EIConsumer'],
      attributes: ['customer_id', 'nights'].map((name, index) => ({
        name,
        type: index === 0 ? 'customer' : 'double',
        description: '',
        isRequired: index === 0,
        isUniqueKeyField: false,
        isPsiData: false,
        standard: false
      }))
    }
  ] as BundleContent['events'],
  integrations: [
    {
      name: 'Booking',
      slug: 'booking-app',
      kind: 'custom',
      sourceAccount: 'INSTORE',
      eventNameField: 'event_name',
      eventNameMap: []
    }
  ] as BundleContent['integrations'],
  mappings: [
    {
      integration: 'booking-app',
      event: 'be_reserved',
      spec: {
        match: { kind: 'integration' },
        fanOut: null,
        rules: [
          { target: 'customer_id', source: { kind: 'path', path: 'mobile', scope: 'item' }, transforms: [] },
          { target: 'nights', source: { kind: 'path', path: 'nights', scope: 'item' }, transforms: [{ kind: 'trim' }] }
        ]
      }
    }
  ],
  testCases: [
    {
      integration: 'booking-app',
      event: 'be_reserved',
      name: 'A reservation',
      source: { kind: 'edited' },
      payload: { mobile: '9845012345', nights: 2 },
      expected: [{ event_name: 'be_reserved', customer_id: '9845012345', nights: 2 }]
    }
  ]
})
