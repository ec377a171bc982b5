/**
 * The date formats Capillary accepts for `eventDateTime` and for Date attributes, in the documented order
 * (SETUP "Standard Attributes" and "Custom Attributes" > Date). Java-style patterns, exactly as documented.
 */
export const capillaryDateFormats = [
  "yyyy-MM-dd'T'HH:mm:ssXXX",
  "yyyy-MM-dd'T'HH:mm:s.S",
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd',
  'dd-MM-yyyy HH:mm:ss',
  'MM/dd/yyyy HH:mm:ss',
  'yyyy/MM/dd HH:mm:ss',
  'yyyy/MM/dd',
  'dd-MM-yyyy',
  'MM/dd/yyyy',
  'yyyyMMdd HH:mm:ss',
  'dd-MMM-yy',
  "yyyy-MM-dd'T'HH:mm:ss",
  'EEE MMM dd HH:mm:ss z yyyy',
  'MMMM,dd,yyyy',
  'MMMM,dd',
  'yyyy-dd-MM HH:mm:ss'
] as const

/**
 * An attribute every event has without defining it. The designer shows it read-only; it is never part of an event's
 * `attributes` and never sent in a definition request.
 */
export type ImplicitAttribute = {
  name: string
  label: string
  description: string
  /** Hidden from payload templates: Capillary fills it itself. */
  internal: boolean
  editable: false
  acceptedFormats?: readonly string[]
}

// SETUP "Standard Attributes": two attributes apply to every event and need not be defined.
export const implicitAttributes: readonly ImplicitAttribute[] = [
  {
    name: 'eventDateTime',
    label: 'Event date and time',
    description:
      'When the event happened. If it is missing, Capillary uses the processing time in GMT. ' +
      'The value is stored as sent, without any timezone offset.',
    internal: false,
    editable: false,
    acceptedFormats: capillaryDateFormats
  },
  {
    name: 'storeUnitID',
    label: 'Store unit ID',
    description: 'Used internally by Capillary.',
    internal: true,
    editable: false
  }
]
