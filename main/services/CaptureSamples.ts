import type { PayloadSample } from '../../shared/model/captureInbox'
import { StudioError } from '../errors/StudioError'
import { samplePayloads } from '../listener/sampleCaptures'
import type { ProjectDatabase } from '../store/database'

interface SampleRow {
  id: string
  name: string
  integration_id: string | null
  content_type: string
  body: Buffer
  created_at: string
}

const textDecoder = new TextDecoder()

/** The payloads shipped with the studio (resources/samples), to send to the listener as a test. */
export function shippedSamples(): PayloadSample[] {
  return Object.entries(samplePayloads).map(([file, payload]) => ({
    id: `shipped:${file}`,
    name: file.replace(/\.json$/, ''),
    origin: 'shipped',
    contentType: 'application/json',
    body: `${JSON.stringify(payload, null, 2)}\n`,
    integrationId: null,
    createdAt: null
  }))
}

/** Payloads the user saved from captures under a name, kept in the project (bytes as captured). */
export class CaptureSamples {
  constructor(private readonly db: ProjectDatabase) {}

  list(): PayloadSample[] {
    const rows = this.db.prepare('SELECT * FROM capture_samples ORDER BY name COLLATE NOCASE').all() as SampleRow[]
    return rows.map(toSample)
  }

  save(sample: {
    id: string
    name: string
    integrationId: string | null
    contentType: string
    body: Uint8Array
    createdAt: string
  }): PayloadSample {
    const taken = this.db.prepare('SELECT 1 FROM capture_samples WHERE name = ? COLLATE NOCASE').get(sample.name)
    if (taken) throw new StudioError('conflict', `A sample is already named ${sample.name}: choose another name.`)
    this.db
      .prepare(
        `INSERT INTO capture_samples (id, name, integration_id, content_type, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`
      )
      .run(sample.id, sample.name, sample.integrationId, sample.contentType, Buffer.from(sample.body), sample.createdAt)
    const row = this.db.prepare('SELECT * FROM capture_samples WHERE id = ?').get(sample.id) as SampleRow
    return toSample(row)
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM capture_samples WHERE id = ?').run(id).changes > 0
  }
}

function toSample(row: SampleRow): PayloadSample {
  return {
    id: row.id,
    name: row.name,
    origin: 'saved',
    contentType: row.content_type,
    body: textDecoder.decode(row.body),
    integrationId: row.integration_id,
    createdAt: row.created_at
  }
}
