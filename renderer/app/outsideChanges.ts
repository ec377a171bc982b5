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
