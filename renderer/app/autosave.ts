/** Quiet time after the last edit before a draft is saved: typing a word makes one save, not one per letter. */
export const autosaveDelayMs = 400

export interface Autosave {
  /** Saves after the quiet delay, which each call restarts. */
  schedule(): void
  /** Forgets a scheduled save (the draft is deleted or left as it is). */
  cancel(): void
  /** Saves now if `isDue()`, after any save still travelling, and resolves once the saves have landed. */
  flush(): Promise<void>
  /** Resolves once the save travelling (if any) has landed. */
  settled(): Promise<void>
}

/**
 * The autosave of a store's draft: one save at a time, in order, so a slow answer can never overwrite a newer draft
 * with an older one.
 */
export function createAutosave(save: () => Promise<void>, isDue: () => boolean): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined
  let saving: Promise<void> = Promise.resolve()
  const cancel = () => {
    clearTimeout(timer)
    timer = undefined
  }
  const flush = async () => {
    cancel()
    if (isDue()) saving = saving.then(save)
    await saving
  }
  return {
    schedule() {
      cancel()
      timer = setTimeout(() => void flush(), autosaveDelayMs)
    },
    cancel,
    flush,
    settled: () => saving
  }
}
