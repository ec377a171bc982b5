/** `X-Api_Key` → x api key; `privateKey` → private key; `JWTToken` → jwt token. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/**
 * A set of words to find in names, each whole or as a run of words read as one (`api key` finds `apikey`), never
 * inside a word (`auth` is not in `author`).
 */
export class WordRuns {
  private readonly longest: number

  constructor(private readonly words: ReadonlySet<string>) {
    this.longest = Math.max(0, ...[...words].map((word) => word.length))
  }

  get size(): number {
    return this.words.size
  }

  in(words: readonly string[]): boolean {
    for (let start = 0; start < words.length; start += 1) {
      let run = ''
      // Joining past the longest word cannot match: a name of thousands of words costs its length.
      for (let end = start; end < words.length && run.length < this.longest; end += 1) {
        run += words[end]
        if (this.words.has(run)) return true
      }
    }
    return false
  }
}
