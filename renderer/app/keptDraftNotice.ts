import type { StudioErrorInfo } from '../../shared/api/result'

/** What the user hears on leaving a draft that cannot be saved yet: it is kept, unsaved, for when they come back. */
export const keptDraftNotice = (name: string, problem: string | null): StudioErrorInfo => ({
  code: 'invalid_input',
  message: `Your changes to ${name} are kept but not saved: ${problem ?? 'they break a rule.'} Open ${name} to fix them.`
})
