import { createAutosave, type Autosave } from './autosave'

/**
 * Keeps an editor's autosaved draft from overwriting, unseen, a change made outside it (a bundle merged, another
 * window). The store runs its own saves through `own`; when it reads its list again, `changed` says whether the open
 * item now differs from the version it held, which its own saves cannot cause while they travel.
 */
export interface OutsideChanges {
  own<T>(save: Promise<T>): Promise<T>
  changed<T>(before: T | undefined, now: T | undefined, asDraft: (item: T) => unknown): boolean
}

export function createOutsideChanges(): OutsideChanges {
  let savesInFlight = 0
  return {
    async own(save) {
      savesInFlight += 1
      try {
        return await save
      } finally {
        savesInFlight -= 1
      }
    },
    changed(before, now, asDraft) {
      if (before === undefined || now === undefined || savesInFlight > 0) return false
      return JSON.stringify(asDraft(before)) !== JSON.stringify(asDraft(now))
    }
  }
}

/** What an editor's store holds of its draft's saving. */
interface DraftSaving {
  saveState: string
  changedOutside: boolean
}

/**
 * An editor's autosave, held while an outside change waits for the user's choice, and its flush: an explicit save
 * (Ctrl+S, leaving the item), which keeps the user's edits over that change. `beforeFlush` runs once the hold is let
 * go, before the save.
 */
export function createHeldAutosave(
  save: () => Promise<void>,
  state: () => DraftSaving,
  letGo: () => void,
  beforeFlush: () => void = () => undefined
): { autosave: Autosave; flush(): Promise<void> } {
  const autosave = createAutosave(save, () => {
    const { saveState, changedOutside } = state()
    return !changedOutside && (saveState === 'pending' || saveState === 'failed')
  })
  return {
    autosave,
    async flush() {
      letGo()
      beforeFlush()
      await autosave.flush()
    }
  }
}
