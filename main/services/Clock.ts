import { randomUUID } from 'node:crypto'

/** Time and ids come from here so tests can fix them. */
export interface Clock {
  now(): Date
  newId(): string
}

export const systemClock: Clock = { now: () => new Date(), newId: () => randomUUID() }
