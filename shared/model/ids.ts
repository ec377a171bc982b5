import { z } from 'zod'

/** Ids are opaque strings made in main (UUIDs); shared code never makes them (it has no randomness). */
export const Id = z.string().min(1).max(100)
export type Id = z.infer<typeof Id>

/** Times cross every boundary as ISO-8601 strings in UTC. */
export const IsoTime = z.iso.datetime({ offset: true })
export type IsoTime = z.infer<typeof IsoTime>
