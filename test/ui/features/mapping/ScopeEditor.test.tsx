import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { MappingSpec } from '../../../../shared/model/mapping'
import { ScopeEditor } from '../../../../renderer/features/mapping/ScopeEditor'
import { renderInStudio } from '../../support/renderInStudio'

const spec: MappingSpec = { match: { kind: 'integration' }, fanOut: null, rules: [] }

describe('ScopeEditor', () => {
  it('names the fan-out field by its visible label, so speech input and screen readers find it by what is shown', async () => {
    await renderInStudio(
      {},
      <ScopeEditor
        spec={spec}
        schema={{ payloadCount: 0, fields: [] }}
        integrationNames={['order_placed']}
        eventNameField="event_name"
        readOnly={false}
      />
    )
    const visible = screen.getByText('Fan out over (one event per item)')
    const field = screen.getByRole('combobox', { name: /Fan out over/ })
    expect(field.getAttribute('list')).toBe('mapping-fan-out-lists')
    expect(field.closest('label')?.contains(visible)).toBe(true)
    expect(screen.getByRole('combobox', { name: 'Fan out over (one event per item)' })).toBe(field)
  })
})
