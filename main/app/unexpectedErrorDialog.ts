import type { MessageBoxOptions } from 'electron'

/** The buttons of the unexpected-error dialog, in order (Electron returns the index clicked). */
export const unexpectedErrorButtons = ['Copy Diagnostics', 'Reveal Logs', 'Reload Window', 'Quit'] as const
export type UnexpectedErrorChoice = (typeof unexpectedErrorButtons)[number]

/**
 * What the user sees when main fails unexpectedly or the window's page dies: what happened, the diagnostics to
 * report, and a way out, so a failure is never a silent blank window.
 */
export function unexpectedErrorDialog(what: string, error: unknown, diagnostics: string): MessageBoxOptions {
  return {
    type: 'error',
    title: 'Capillary Mapping Studio',
    message: `Something went wrong: ${what}.`,
    detail: `${describeError(error)}\n\nYour work is saved as you go. Please include these details if you report it:\n\n${diagnostics}`,
    buttons: [...unexpectedErrorButtons],
    defaultId: unexpectedErrorButtons.indexOf('Reload Window'),
    cancelId: unexpectedErrorButtons.indexOf('Reload Window'),
    noLink: true
  }
}

export function choiceOf(response: number): UnexpectedErrorChoice {
  return unexpectedErrorButtons[response] ?? 'Reload Window'
}

function describeError(error: unknown): string {
  if (error instanceof Error)
    return (error.stack ?? `${error.name}: ${error.message}`).split('\n').slice(0, 6).join('\n')
  if (typeof error === 'string') return error
  return 'No further detail.'
}
