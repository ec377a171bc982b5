/**
 * A JSON parser's complaint said by line and column instead of by character position ("at position 4436" means
 * nothing to someone with the file open in an editor).
 */
export function jsonSyntaxProblem(message: string, text: string): string {
  const position = /\s*(?:in JSON )?at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message)
  if (!position) return `The file is not JSON: ${message}`
  const offset = Math.min(Number(position[1]), text.length)
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  const said = message.slice(0, position.index) + message.slice(position.index + position[0].length)
  return `The file is not JSON: ${said} at line ${line}, column ${column}.`
}
