/** Edits of one field closer together than this are one undo step (a typed word is one step, not one per letter). */
export const coalesceWindowMs = 800
const maxSteps = 200

export interface EditHistory<T> {
  /** Called before each edit with the state it replaces and what the edit touches (e.g. `attributes/2/name`). */
  record(previous: T, at: number, touched: string): void
  undo(current: T): T | undefined
  redo(current: T): T | undefined
  canUndo(): boolean
  canRedo(): boolean
}

/** An undo/redo history of whole states; a new edit clears the redo side, as editors do. */
export function createEditHistory<T>(): EditHistory<T> {
  const past: T[] = []
  const future: T[] = []
  let lastEditAt = Number.NEGATIVE_INFINITY
  let lastTouched = ''
  return {
    record(previous, at, touched) {
      const continuesLastEdit = touched === lastTouched && at - lastEditAt <= coalesceWindowMs && past.length > 0
      if (!continuesLastEdit) {
        past.push(previous)
        if (past.length > maxSteps) past.shift()
      }
      lastEditAt = at
      lastTouched = touched
      future.length = 0
    },
    undo(current) {
      const restored = past.pop()
      if (restored === undefined) return undefined
      future.push(current)
      lastEditAt = Number.NEGATIVE_INFINITY
      return restored
    },
    redo(current) {
      const restored = future.pop()
      if (restored === undefined) return undefined
      past.push(current)
      lastEditAt = Number.NEGATIVE_INFINITY
      return restored
    },
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0
  }
}

/** One history per edited item (an event, an integration, a mapping), kept while the studio runs. */
export interface EditHistories<T> {
  record(id: string, previous: T, at: number, touched: string): void
  undo(id: string, current: T): T | undefined
  redo(id: string, current: T): T | undefined
  /** What the Undo and Redo buttons of the item show (nothing to do without a selection). */
  flags(id: string | null): { canUndo: boolean; canRedo: boolean }
  /** Drops a deleted item's history. */
  forget(id: string): void
}

export function createEditHistories<T>(): EditHistories<T> {
  const histories = new Map<string, EditHistory<T>>()
  const historyOf = (id: string) => {
    let history = histories.get(id)
    if (!history) histories.set(id, (history = createEditHistory<T>()))
    return history
  }
  return {
    record: (id, previous, at, touched) => historyOf(id).record(previous, at, touched),
    undo: (id, current) => histories.get(id)?.undo(current),
    redo: (id, current) => histories.get(id)?.redo(current),
    flags(id) {
      const history = id === null ? undefined : histories.get(id)
      return { canUndo: history?.canUndo() ?? false, canRedo: history?.canRedo() ?? false }
    },
    forget: (id) => void histories.delete(id)
  }
}
