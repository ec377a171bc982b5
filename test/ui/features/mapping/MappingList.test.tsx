import { render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { RequestName } from '../../../../shared/api/contract'
import { fail, type Result } from '../../../../shared/api/result'
import type { Mapping, MappingRule } from '../../../../shared/model/mapping'
import { createStudioApi, type Transport } from '../../../../renderer/api/client'
import { createStudioStores, StudioProvider } from '../../../../renderer/app/StudioContext'
import { MappingList } from '../../../../renderer/features/mapping/MappingList'
import { fakeMappingApi } from './fakeMappingApi'

const rule = (target: string): MappingRule => ({
  target,
  source: { kind: 'path', path: target, scope: 'item' },
  transforms: []
})

const mapping = (id: string, rules: MappingRule[]): Mapping => ({
  id,
  integrationId: 'i1',
  eventId: `event-${id}`,
  match: { kind: 'always' },
  fanOut: null,
  rules,
  createdAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z'
})

describe('MappingList', () => {
  it('counts each mapping’s rules in the right number', async () => {
    const api = fakeMappingApi([
      mapping('m1', [rule('customer')]),
      mapping('m2', [rule('customer'), rule('hotel_name')]),
      mapping('m3', [])
    ])
    const answers: Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>> = { ...api }
    const transport: Transport = {
      call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
      subscribe: vi.fn(() => () => undefined)
    }
    const stores = createStudioStores(createStudioApi(transport))
    await stores.mapping.getState().load()
    render(
      <StudioProvider stores={stores}>
        <MappingList onNew={() => undefined} />
      </StudioProvider>
    )
    const list = screen.getByRole('listbox', { name: 'Mappings' })
    expect(within(list).getByText('1 rule')).toBeTruthy()
    expect(within(list).getByText('2 rules')).toBeTruthy()
    expect(within(list).getByText('0 rules')).toBeTruthy()
  })
})
