import type { KeyedNotice } from './notifications'

/** What a kept draft is of: the id and the saved name of the item it would change. */
export interface KeptDraft {
  id: string
  name: string
}

/**
 * Drafts that could not be saved when the user left them (they break a rule): each waits, as an editor's unsaved
 * tab, for the user to come back, and a notice says so while it waits. The notice is taken back once the user is
 * back at the draft (the editor shows the problem there), or the draft is gone. `changed` hears of every change to
 * which drafts are kept, so a store can show them (the list's marker, the status bar's count).
 */
export function createKeptDrafts<Draft>(
  report: (notice: KeyedNotice) => void,
  withdraw: (key: string) => void,
  changed: (kept: KeptDraft[]) => void = () => undefined
) {
  const drafts = new Map<string, { draft: Draft; name: string }>()
  const keyOf = (id: string) => `kept-draft:${id}`
  const kept = (): KeptDraft[] => [...drafts].map(([id, { name }]) => ({ id, name }))
  const drop = (id: string) => {
    if (!drafts.delete(id)) return
    withdraw(keyOf(id))
    changed(kept())
  }
  return {
    keep(id: string, draft: Draft, name: string, problem: string | null): void {
      drafts.set(id, { draft, name })
      changed(kept())
      report({
        code: 'invalid_input',
        key: keyOf(id),
        message: `Your changes to ${name} are kept but not saved: ${problem ?? 'they break a rule.'} Open ${name} to fix them.`
      })
    },
    /** The draft kept for `id`, handed back once, or undefined. */
    take(id: string): Draft | undefined {
      const entry = drafts.get(id)
      drop(id)
      return entry?.draft
    },
    /** What the kept drafts are of, by name (for the warning before they are left behind). */
    names(): string[] {
      return kept().map((draft) => draft.name)
    },
    drop,
    clear(): void {
      for (const id of [...drafts.keys()]) drop(id)
    }
  }
}
