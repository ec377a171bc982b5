import { projectAndEvents } from './001-projectAndEvents'
import { integrations } from './002-integrations'
import { mappings } from './003-mappings'
import { captures } from './004-captures'
import { captureInbox } from './005-captureInbox'
import { relay } from './006-relay'
import { testCases } from './008-testCases'
import { publish } from './009-publish'
import { eventTrash } from './010-eventTrash'
import type { Migration } from './Migration'

export type { Migration } from './Migration'

/**
 * Numbered schema migrations, one file each. Each runs once, in a transaction, and is recorded in
 * `schema_migrations`; the file's `user_version` mirrors the newest so a newer file is recognised before anything
 * touches it.
 */
export const migrations: readonly Migration[] = [
  projectAndEvents,
  integrations,
  mappings,
  captures,
  captureInbox,
  relay,
  testCases,
  publish,
  eventTrash
]

export const latestSchemaVersion = migrations.reduce((max, migration) => Math.max(max, migration.version), 0)
