import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ok } from '../../../../shared/api/result'
import type { MappingCoverage } from '../../../../shared/model/testCase'
import { CoveragePanel } from '../../../../renderer/features/tests/CoveragePanel'
import { renderInStudio } from '../../support/renderInStudio'

const coverage = (overrides: Partial<MappingCoverage>): MappingCoverage => ({
  mappingId: 'm1',
  capturesRead: 2,
  capturesMatched: 2,
  unusedFields: [],
  requiredUnfilled: [],
  rulesNotExercised: [],
  expressionRules: [],
  ...overrides
})

async function showCoverage(answer: MappingCoverage) {
  await renderInStudio({ getMappingCoverage: async () => ok(answer) }, <CoveragePanel mappingId="m1" />)
}

describe('CoveragePanel', () => {
  it('says when none of the captures is this mapping’s event, rather than that its rules read every field', async () => {
    await showCoverage(coverage({ capturesMatched: 0 }))
    expect(await screen.findByText(/None of the 2 newest captures is this event/)).toBeTruthy()
    expect(screen.queryByText(/Rules read every field/)).toBeNull()
  })

  it('counts the captures of this event the fields were read from', async () => {
    await showCoverage(coverage({ capturesRead: 5, capturesMatched: 1 }))
    expect(
      await screen.findByText(/Rules read every field of the 1 capture of this event among the 5 newest/)
    ).toBeTruthy()
  })
})
