import { describe, expect, it } from 'vitest'
import shipped from '../../../../resources/bundle.schema.json'
import { bundleJsonSchema } from '../../../../shared/bundle/bundleJsonSchema'

describe('bundleJsonSchema', () => {
  it('is what resources/bundle.schema.json ships (regenerate that file from bundleJsonSchema when the model changes)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(bundleJsonSchema())))
  })

  it("names the format, its version and the bundle's four collections as required", () => {
    const schema = bundleJsonSchema() as { required: string[]; properties: Record<string, { const?: unknown }> }
    expect(schema.properties.format?.const).toBe('capmap.bundle')
    expect(schema.properties.version?.const).toBe(1)
    expect(schema.required).toEqual(expect.arrayContaining(['events', 'integrations', 'mappings', 'testCases']))
  })
})
