/** One numbered schema change. Never edit a released one: add the next number. */
export interface Migration {
  version: number
  name: string
  sql: string
}
