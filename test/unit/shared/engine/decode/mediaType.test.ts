import { describe, expect, it } from 'vitest'
import { contentTypeForFile, mediaType } from '../../../../../shared/engine/decode/mediaType'

describe('mediaType', () => {
  it.each([
    ['application/json', 'json'],
    ['application/problem+json', 'json'],
    ['text/json', 'json'],
    ['application/x-www-form-urlencoded', 'form'],
    ['application/xml', 'xml'],
    ['text/xml', 'xml'],
    ['image/svg+xml', 'xml'],
    ['text/csv', 'text'],
    ['multipart/form-data; boundary=x', 'text'],
    ['', 'text']
  ])('reads %s as %s', (type, kind) => {
    expect(mediaType(type).kind).toBe(kind)
  })

  it('reads a quoted charset parameter', () => {
    expect(mediaType('text/plain; format=flowed; charset="iso-8859-1"')).toEqual({
      kind: 'text',
      charset: 'iso-8859-1'
    })
  })
})

describe('contentTypeForFile', () => {
  it('maps the four extensions and defaults to JSON', () => {
    expect(['a.json', 'a.xml', 'a.form', 'a.txt', 'a.csv', 'json'].map(contentTypeForFile)).toEqual([
      'application/json',
      'application/xml',
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/json',
      'application/json'
    ])
  })
})
