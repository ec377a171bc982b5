/** Capillary's documented limits for custom events. */
export const capillaryLimits = {
  // SETUP "Limitations": "A maximum of 10 active events are allowed in an org."
  activeCustomEventsPerOrg: 10,
  // SETUP "Limitations": "A maximum of 20 attributes are allowed in an event."
  attributesPerEvent: 20,
  // SETUP "Limitations": "Custom attribute names can have only up to 50 characters."
  attributeNameLength: 50
} as const
