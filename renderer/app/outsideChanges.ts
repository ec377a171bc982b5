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

export interface HeldAutosave {
  autosave: Autosave
  /** An explicit save (Ctrl+S, leaving the item): it lets the hold go, keeping the user's edits over the change. */
  flush(): Promise<void>
  /**
   * The open item was changed outside the editor: with nothing unsaved, `showSaved` shows the new version; with
   * unsaved edits, autosave holds them until the user chooses, never saving them over the change unseen.
   */
  changedOutside(showSaved: () => void): void
}

/**
 * An editor's autosave, held while an outside change waits for the user's choice. `setHeld` keeps the hold in the
 * store (the editor shows its banner); `beforeFlush` runs once the hold is let go, before the save.
 */
export function createHeldAutosave(
  save: () => Promise<void>,
  state: () => DraftSaving,
  setHeld: (held: boolean) => void,
  beforeFlush: () => void = () => undefined
): HeldAutosave {
  const autosave = createAutosave(save, () => {
    const { saveState, changedOutside } = state()
    return !changedOutside && (saveState === 'pending' || saveState === 'failed')
  })
  return {
    autosave,
    async flush() {
      setHeld(false)
      beforeFlush()
      await autosave.flush()
    },
    changedOutside(showSaved) {
      if (state().saveState === 'saved') return showSaved()
      autosave.cancel()
      setHeld(true)
    }
  }
}
