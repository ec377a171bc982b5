import { describe, expect, it } from 'vitest'
import { capillaryDateFormats, implicitAttributes } from '../../../../shared/capillary/implicitAttributes'

describe('implicitAttributes', () => {
  it('are eventDateTime and storeUnitID', () => {
    expect(implicitAttributes.map((attribute) => attribute.name)).toEqual(['eventDateTime', 'storeUnitID'])
  })

  it('are never editable', () => {
    expect(implicitAttributes.every((attribute) => !attribute.editable)).toBe(true)
  })

  it('mark storeUnitID as internal', () => {
    expect(implicitAttributes.filter((attribute) => attribute.internal).map((attribute) => attribute.name)).toEqual([
      'storeUnitID'
    ])
  })

  it('accept the documented date formats for eventDateTime', () => {
    expect(implicitAttributes[0]?.acceptedFormats).toBe(capillaryDateFormats)
  })

  it('say that a missing eventDateTime becomes the processing time in GMT', () => {
    expect(implicitAttributes[0]?.description).toContain('processing time in GMT')
  })
})

describe('capillaryDateFormats', () => {
  it('are the 17 documented formats', () => {
    expect(capillaryDateFormats).toHaveLength(17)
  })

  it('start with the ISO format with offset and end with the year-day-month format', () => {
    expect(capillaryDateFormats[0]).toBe("yyyy-MM-dd'T'HH:mm:ssXXX")
    expect(capillaryDateFormats[16]).toBe('yyyy-dd-MM HH:mm:ss')
  })

  it('include the format of the documented be_reserved payload', () => {
    expect(capillaryDateFormats).toContain('yyyy-MM-dd HH:mm:ss')
  })
})
