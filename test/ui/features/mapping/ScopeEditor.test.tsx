import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Mapping, MappingSpec } from '../../../../shared/model/mapping'
import { ScopeEditor } from '../../../../renderer/features/mapping/ScopeEditor'
import { renderInStudio } from '../../support/renderInStudio'
import { fakeMappingApi } from './fakeMappingApi'

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

  it('takes a fan-out path when the field is left, so typing one list over another keeps item rules on the item', async () => {
    const fannedOut: Mapping = {
      id: 'm-order',
      integrationId: 'shop',
      eventId: 'e-line',
      match: { kind: 'integration' },
      fanOut: { path: 'items' },
      rules: [{ target: 'productSku', source: { kind: 'path', path: 'sku', scope: 'item' }, transforms: [] }],
      createdAt: '2026-11-28T00:00:00.000Z',
      updatedAt: '2026-11-28T00:00:00.000Z'
    }
    const stores = await renderInStudio(
      { ...fakeMappingApi([fannedOut]) },
      <ScopeEditor
        spec={fannedOut}
        schema={{ payloadCount: 0, fields: [] }}
        integrationNames={[]}
        eventNameField=""
        readOnly={false}
      />,
      async (studio) => {
        await studio.mapping.getState().load()
        await studio.mapping.getState().select('m-order')
      }
    )
    const field = screen.getByRole('combobox', { name: /Fan out over/ })
    for (const typed of ['item', 'ite', 'it', 'i', '', 'l', 'li', 'lin', 'line', 'lines']) {
      fireEvent.change(field, { target: { value: typed } })
    }
    expect(stores.mapping.getState().draft?.fanOut).toEqual({ path: 'items' })
    fireEvent.blur(field)
    expect(stores.mapping.getState().draft).toMatchObject({
      fanOut: { path: 'lines' },
      rules: [{ target: 'productSku', source: { kind: 'path', path: 'sku', scope: 'item' } }]
    })
  })
})
