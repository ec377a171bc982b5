/**
 * One problem found in an event draft. `path` is a slash path into the draft (`name`, `attributes/2/name`,
 * `attributes/2/possibleValues/1`) so the UI can put the message next to the field it is about; `''` is the event
 * as a whole.
 */
export type DesignIssue = {
  path: string
  code: string
  message: string
  severity: 'error' | 'warning'
}

/** Design: while the consultant edits (limits of the org are only warnings). Publish: before sending to Capillary. */
export type DesignStage = 'design' | 'publish'

export const designError = (path: string, code: string, message: string): DesignIssue => ({
  path,
  code,
  message,
  severity: 'error'
})

export const designWarning = (path: string, code: string, message: string): DesignIssue => ({
  path,
  code,
  message,
  severity: 'warning'
})

export const attributePath = (index: number, ...rest: (string | number)[]): string =>
  ['attributes', index, ...rest].join('/')
