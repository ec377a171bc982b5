import { renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { readPlace, useRememberedPlace } from '../../../renderer/app/rememberedPlace'
import { StudioProvider } from '../../../renderer/app/StudioContext'
import { ok } from '../../../shared/api/result'
import { integration } from '../features/integrations/fakeIntegrationsApi'
import { projectEvent } from '../features/integrations/renderStudio'
import { studioStoresOver } from '../support/renderInStudio'

const projectPath = '/tmp/Shop.capmap'
const key = `capmap.place:${projectPath}`

function studio() {
  return studioStoresOver({
    getProjectState: async () =>
      ok({ project: { path: projectPath, name: 'Shop', readOnly: false, schemaVersion: 9, lastSavedAt: null } }),
    listEvents: async () => ok([projectEvent('e0', 'AddedToCart'), projectEvent('e1', 'CouponApplied')]),
    listIntegrations: async () => ok([integration('i0'), integration('i1')]),
    listWebhookSettings: async () => ok([])
  })
}

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial))
  return {
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => void items.set(name, value),
    items
  }
}

function remember(stores: ReturnType<typeof studio>, storage: ReturnType<typeof memoryStorage>) {
  const wrapper = ({ children }: { children: ReactNode }) => <StudioProvider stores={stores}>{children}</StudioProvider>
  return renderHook(() => useRememberedPlace(stores, storage), { wrapper })
}

describe('the place remembered across a reload', () => {
  it('takes the user back to the screen, event and integration they had open in this project', async () => {
    const stores = studio()
    const storage = memoryStorage({
      [key]: JSON.stringify({ screen: 'integrations', events: 'e1', integrations: 'i1', mapping: null, captures: null })
    })
    remember(stores, storage)
    await stores.project.getState().refresh()
    await Promise.all([stores.events.getState().load(), stores.integrations.getState().load()])
    await waitFor(() => expect(stores.events.getState().selectedId).toBe('e1'))
    await waitFor(() => expect(stores.integrations.getState().selectedId).toBe('i1'))
    expect(stores.navigation.getState().screen).toBe('integrations')
  })

  it('keeps what the user opens, per project, and ignores what is no longer there', async () => {
    const stores = studio()
    const storage = memoryStorage({
      [key]: JSON.stringify({ screen: 'events', events: 'gone', integrations: null, mapping: null, captures: null })
    })
    remember(stores, storage)
    await stores.project.getState().refresh()
    await stores.events.getState().load()
    expect(stores.events.getState().selectedId).toBeNull()
    stores.navigation.getState().open('mapping', { id: 'm7' })
    await stores.events.getState().select('e0')
    expect(readPlace(storage.items.get(key) ?? null)).toEqual({
      screen: 'mapping',
      events: 'e0',
      integrations: null,
      mapping: null,
      captures: null
    })
  })

  it('reads nothing from what is not a place', () => {
    expect(readPlace(null)).toBeNull()
    expect(readPlace('{"screen":"nowhere"}')).toBeNull()
    expect(readPlace('not json')).toBeNull()
    expect(readPlace('{"screen":"tests","events":42}')).toEqual({
      screen: 'tests',
      events: null,
      integrations: null,
      mapping: null,
      captures: null
    })
  })
})
