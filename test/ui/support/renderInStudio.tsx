import { render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { vi } from 'vitest'
import type { RequestName } from '../../../shared/api/contract'
import { fail, type Result } from '../../../shared/api/result'
import { createStudioApi, type Transport } from '../../../renderer/api/client'
import { createStudioStores, StudioProvider, type StudioStores } from '../../../renderer/app/StudioContext'

export type Answers = Partial<Record<RequestName, (input: never) => Promise<Result<unknown>>>>

/** The studio's real stores over a transport answered by `answers` (any other request: unknown). */
export function studioStoresOver(answers: Answers): StudioStores {
  const transport: Transport = {
    call: (name, input) => answers[name]?.(input as never) ?? Promise.resolve(fail('unknown_request', name)),
    subscribe: vi.fn(() => () => undefined)
  }
  return createStudioStores(createStudioApi(transport))
}

/**
 * A piece of the studio inside its real stores, over a transport answered by `answers`; `prepare` fills the stores
 * first, as the studio has them when the piece opens.
 */
export async function renderInStudio(
  answers: Answers,
  ui: ReactNode,
  prepare: (stores: StudioStores) => Promise<void> = async () => undefined
) {
  const stores = studioStoresOver(answers)
  await prepare(stores)
  render(<StudioProvider stores={stores}>{ui}</StudioProvider>)
  return stores
}
