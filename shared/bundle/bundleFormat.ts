import { z } from 'zod'
import { EventDraft } from '../model/event'
import { IntegrationDraft } from '../model/integration'
import { MappingSpec } from '../model/mapping'
import { TestCaseDraft, TestCaseSource } from '../model/testCase'

/** The format id every bundle starts with, and the newest version this studio writes and reads. */
export const bundleFormatId = 'capmap.bundle'
export const bundleFormatVersion = 1

/** An event as a bundle holds it: its design, without project ids. */
export const BundleEvent = EventDraft.extend({
  attributes: z.array(EventDraft.shape.attributes.element.omit({ id: true })).max(200)
}).strict()
export type BundleEvent = z.infer<typeof BundleEvent>

/** A mapping named by its integration's slug and its event's name (ids are the project's own). */
export const BundleMapping = z
  .object({ integration: z.string().min(1).max(100), event: z.string().min(1).max(200), spec: MappingSpec })
  .strict()
export type BundleMapping = z.infer<typeof BundleMapping>

export const BundleTestCase = z
  .object({
    integration: z.string().min(1).max(100),
    event: z.string().min(1).max(200),
    name: TestCaseDraft.shape.name,
    source: TestCaseSource,
    payload: TestCaseDraft.shape.payload,
    expected: TestCaseDraft.shape.expected
  })
  .strict()
export type BundleTestCase = z.infer<typeof BundleTestCase>

/** Who wrote the bundle, and a hash of each event as written, to tell a hand edit on import. */
export const BundleProvenance = z
  .object({
    studioVersion: z.string().max(50),
    engineVersion: z.number().int().min(1),
    eventHashes: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/))
  })
  .strict()

export const Bundle = z
  .object({
    format: z.literal(bundleFormatId),
    version: z.literal(bundleFormatVersion),
    provenance: BundleProvenance,
    events: z.array(BundleEvent).max(1000),
    integrations: z.array(IntegrationDraft.strict()).max(200),
    mappings: z.array(BundleMapping).max(2000),
    testCases: z.array(BundleTestCase).max(10_000)
  })
  .strict()
export type Bundle = z.infer<typeof Bundle>
