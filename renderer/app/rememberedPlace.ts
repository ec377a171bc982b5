import { useEffect } from 'react'
import type { StoreApi } from 'zustand'
import { screenIds, type ScreenId } from './navigation'
import { useStudioStore, type StudioStores } from './StudioContext'

/** Where the user was in a project: the screen, and what was selected on the screens that select one thing. */
export interface Place {
  screen: ScreenId
  events: string | null
  integrations: string | null
  mapping: string | null
  captures: string | null
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>

const keyOf = (projectPath: string) => `capmap.place:${projectPath}`

/** A stored place, or null when there is none or it is not one (another version wrote it, a user edited it). */
export function readPlace(text: string | null): Place | null {
  if (text === null) return null
  try {
    const value = JSON.parse(text) as Partial<Record<keyof Place, unknown>>
    if (!screenIds.includes(value.screen as ScreenId)) return null
    const id = (candidate: unknown) => (typeof candidate === 'string' && candidate !== '' ? candidate : null)
    return {
      screen: value.screen as ScreenId,
      events: id(value.events),
      integrations: id(value.integrations),
      mapping: id(value.mapping),
      captures: id(value.captures)
    }
  } catch {
    return null
  }
}

function placeOf(stores: StudioStores): Place {
  return {
    screen: stores.navigation.getState().screen,
    events: stores.events.getState().selectedId,
    integrations: stores.integrations.getState().selectedId,
    mapping: stores.mapping.getState().selectedId,
    captures: stores.captures.getState().selectedId
  }
}

/**
 * Runs `then` once the store's state passes `listed` (at once if it does already): a list is loaded more than once
 * as a project opens, so "loaded" alone may still be the list of no project. Answers how to stop waiting.
 */
function whenListed<S>(store: StoreApi<S>, listed: (state: S) => boolean, then: () => void): () => void {
  if (listed(store.getState())) {
    then()
    return () => undefined
  }
  const stop = store.subscribe((state) => {
    if (!listed(state)) return
    stop()
    then()
  })
  return stop
}

/** Selects `id` in a list once the list holds it. */
function selectWhenListed<S extends { select(id: string): Promise<void> }>(
  store: StoreApi<S>,
  id: string | null,
  listed: (state: S, id: string) => boolean
): () => void {
  if (id === null) return () => undefined
  return whenListed(
    store,
    (state) => listed(state, id),
    () => void store.getState().select(id)
  )
}

/**
 * Keeps where the user is in each project for the session (sessionStorage: a reload of the page or the window), and
 * takes them back there when the project opens again: the same screen, the same event, integration, mapping and
 * capture, when they still exist.
 */
export function useRememberedPlace(stores: StudioStores, storage: Storage | null): void {
  const projectPath = useStudioStore(
    (s) => s.project,
    (state) => state.project?.path ?? null
  )
  useEffect(() => {
    if (projectPath === null || storage === null) return
    const key = keyOf(projectPath)
    const saved = readPlace(storage.getItem(key))
    const pending: (() => void)[] = []
    if (saved) {
      const { navigation } = stores
      // The Mappings screen selects its first mapping when it opens without a target: it opens with the remembered
      // one as its target, once the list holds it. The inbox reads its capture by id: it opens at once with it.
      if (saved.screen === 'mapping' && saved.mapping !== null) {
        const mappingId = saved.mapping
        pending.push(
          whenListed(
            stores.mapping,
            (state) => state.mappings.some((mapping) => mapping.id === mappingId),
            () => navigation.getState().open('mapping', { id: mappingId })
          )
        )
      } else {
        navigation
          .getState()
          .open(saved.screen, saved.screen === 'captures' && saved.captures ? { id: saved.captures } : undefined)
        pending.push(
          selectWhenListed(stores.mapping, saved.mapping, (state, id) => state.mappings.some((m) => m.id === id))
        )
      }
      pending.push(
        selectWhenListed(stores.events, saved.events, (state, id) => state.events.some((event) => event.id === id)),
        selectWhenListed(stores.integrations, saved.integrations, (state, id) =>
          state.integrations.some((integration) => integration.id === id)
        )
      )
    }
    let written = JSON.stringify(saved ?? placeOf(stores))
    const write = () => {
      const text = JSON.stringify(placeOf(stores))
      if (text === written) return
      written = text
      storage.setItem(key, text)
    }
    const stops = [stores.navigation, stores.events, stores.integrations, stores.mapping, stores.captures].map(
      (store: StoreApi<unknown>) => store.subscribe(write)
    )
    return () => [...pending, ...stops].forEach((stop) => stop())
  }, [stores, projectPath, storage])
}
