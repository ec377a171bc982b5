/** A key written as it is in a path; any other is quoted as JSON, which escapes what cannot be shown. */
const plainKey = /^[A-Za-z_$][\w$]*$/

/** A key as one step of a path: `.name`, or `["a.b"]` when it is not a plain name. */
export const keyStep = (key: string): string => (plainKey.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`)

/** An index as one step of a path: `[2]`. */
export const indexStep = (index: number | string): string => `[${index}]`

/**
 * Steps as one path, as messages name places (`draft.attributes[2].name`). A very deep one keeps its first and last
 * six steps with an ellipsis between, so a message stays readable (and small) whatever the input's depth.
 */
export function spelledPath(steps: readonly string[]): string {
  const shown = steps.length <= 12 ? steps.join('') : `${steps.slice(0, 6).join('')}…${steps.slice(-6).join('')}`
  return shown.startsWith('.') ? shown.slice(1) : shown
}

/** A schema issue's path (zod's keys and indexes) as one path. */
export const issuePath = (path: readonly PropertyKey[]): string =>
  spelledPath(path.map((key) => (typeof key === 'number' ? indexStep(key) : keyStep(String(key)))))
