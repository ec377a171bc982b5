import { describe, expect, it } from 'vitest'
import shipped from '../../../../../resources/mapping.schema.json'
import sample from '../../../../../resources/sample-project.json'
import { mappingJsonSchema } from '../../../../../shared/engine/schema/mappingJsonSchema'
import { MappingSpec } from '../../../../../shared/model/mapping'

describe('mappingJsonSchema', () => {
  it('is what resources/mapping.schema.json ships (regenerate that file when the model changes)', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(mappingJsonSchema())))
  })

  it('describes every transform kind of the model', () => {
    const text = JSON.stringify(mappingJsonSchema())
    for (const kind of ['trim', 'parseDate', 'formatDate', 'lookup', 'template', 'sha256', 'mask'])
      expect(text).toContain(`"const":"${kind}"`)
  })

  it("admits the sample project's mappings", () => {
    for (const mapping of sample.mappings) expect(MappingSpec.safeParse(mapping.spec).success).toBe(true)
  })
})
