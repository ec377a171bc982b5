import type { Migration } from './Migration'

/**
 * Publish state (issue 10), per connection profile: a UAT org and a production org each have their own. The profile
 * key is the profile's name, or the base URL `capmap publish --base-url` was given. `publish_state`: per event and
 * profile, how far the publish got (accepted, verified, published, failed, disabled) and the logs' last verdict.
 * `publish_webhooks`: the `webHookUri` Capillary answered for a transformer's webhook in that org (one webhook per
 * transformer per org, notes §5), kept as given, never built.
 */
export const publish: Migration = {
  version: 9,
  name: 'publish state',
  sql: `
      CREATE TABLE publish_state (
        event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        profile_key     TEXT NOT NULL,
        event_name      TEXT NOT NULL,
        stage           TEXT NOT NULL CHECK (stage IN ('accepted', 'verified', 'published', 'failed', 'disabled')),
        verdict_ok      INTEGER CHECK (verdict_ok IN (0, 1)),
        verdict_status  TEXT,
        verdict_message TEXT,
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (event_id, profile_key)
      ) STRICT;

      CREATE TABLE publish_webhooks (
        profile_key  TEXT NOT NULL,
        transformer  TEXT NOT NULL CHECK (transformer IN ('webEngageTransformer', 'defaultTransformer')),
        web_hook_uri TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (profile_key, transformer)
      ) STRICT;
    `
}
