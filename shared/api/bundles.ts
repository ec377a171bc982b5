import { z } from 'zod'
import type { BundleChange } from '../bundle/diffBundles'
import { FilePath } from '../model/filePath'

/** What to do with one conflicting event or integration when merging a bundle into the open project. */
export const MergeChoice = z.enum(['keep-mine', 'take-theirs', 'keep-both'])
export type MergeChoice = z.infer<typeof MergeChoice>

const ChoiceMap = z.record(z.string().max(200), MergeChoice)

/** A choice for each conflict, by event name and by integration slug (items that are new or identical need none). */
export const MergeChoices = z.object({ events: ChoiceMap.default({}), integrations: ChoiceMap.default({}) }).strict()
export type MergeChoices = z.infer<typeof MergeChoices>

/** One event (by name) or integration (by slug) of a bundle, against the open project. */
export interface MergeItem {
  key: string
  state: 'new' | 'identical' | 'conflict'
  /** For a conflict: what differs, field by field (`changed be_reserved.label`). */
  changes: BundleChange[]
  /**
   * For an event in conflict over its design alone: the one side that changed it since the bundle was exported (the
   * bundle's provenance hash of the event tells), whose version the choice starts at; absent when both did, or when
   * it cannot be told.
   */
  changedOnlyIn?: 'bundle' | 'project'
}

export interface MergePlan {
  events: MergeItem[]
  integrations: MergeItem[]
}

/**
 * Where a bundle comes from: a file on this machine, or a file dropped on the window (its text, read there). A dropped
 * text stays under 6 MB so that, JSON-escaped in a request, it fits web mode's 10 MB request limit; larger bundles
 * are imported by path.
 */
export const bundleDropMaxChars = 6 * 1024 * 1024
export const BundleSource = z.union([
  z.object({ path: FilePath }).strict(),
  z
    .object({
      text: z.string().max(bundleDropMaxChars, 'A dropped bundle may be at most 6 MB: import it by its path.'),
      name: z.string().max(500)
    })
    .strict()
])
export type BundleSource = z.infer<typeof BundleSource>

/** A bundle read for import: its problems (nothing can be imported), or the merge preview and any warnings. */
export type BundlePreview =
  | { ok: false; problems: string[] }
  | { ok: true; name: string; warnings: string[]; plan: MergePlan; events: number; testCases: number }

/** What an export would carry out that should not leave: secrets block it, personal data is a warning. */
export type { BundleScan, Finding as BundleFinding } from '../bundle/scanBundle'

export interface BundleMergeResult {
  events: { added: number; replaced: number; copied: number; kept: number }
  integrations: { added: number; replaced: number; copied: number; kept: number }
  mappings: number
  testCases: number
}

export type { BundleChange }
