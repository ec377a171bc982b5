const markers = ['<<<<<<< ', '=======', '>>>>>>> '].map((marker) => Array.from(marker, (char) => char.charCodeAt(0)))
const newline = 10

/**
 * The line (from 1) of the first git merge conflict marker in a text (as UTF-16 code units or UTF-8 bytes), or
 * undefined. A marker starts a line; JSON never does so (a string holds no raw line break), so none is mistaken.
 */
export function mergeConflictMarkerLine(length: number, codeAt: (index: number) => number): number | undefined {
  let line = 1
  for (let start = 0; start < length; start++) {
    if (markers.some((marker) => marker.every((code, offset) => codeAt(start + offset) === code))) return line
    while (start < length && codeAt(start) !== newline) start++
    line++
  }
  return undefined
}

/** Why a file with conflict markers is refused, at the first one. */
export const mergeConflictProblem = (line: number): string =>
  `The file has unresolved git merge conflict markers at line ${line}: resolve the conflict (keep one side, or merge them by hand), then try again.`
