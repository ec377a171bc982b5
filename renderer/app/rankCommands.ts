import type { Command } from './commands'

/** How a query matches a command, best first; a command ranks by its best way. */
const tiers = [
  'title',
  'titleStart',
  'wholeWord',
  'wordStart',
  'wordStarts',
  'categoryWords',
  'insideWord',
  'lettersNearby'
] as const

type Tier = (typeof tiers)[number]

interface Rank {
  tier: number
  /** Only for letters nearby: how many letters of the title they skip (fewer is better). */
  spread: number
}

/**
 * The commands a palette query matches, best first, as VS Code ranks them: the whole title, then the title's start,
 * a whole word, a word's start, the starts of several words ("exp bun", "ncev"), the words of category and title
 * together ("tests" finds the Tests commands), a run inside a word, and last the query's letters in order from a
 * word's start with a few skipped (a slip: "exprt"), the fewest first. Equal matches keep the order given. An empty
 * query matches every command, in order.
 */
export function rankCommands<T extends Pick<Command, 'title' | 'category'>>(
  commands: readonly T[],
  query: string
): T[] {
  const wanted = normalize(query)
  if (wanted === '') return [...commands]
  return commands
    .map((command, index) => ({ command, index, rank: rankOf(command, wanted) }))
    .filter((entry): entry is { command: T; index: number; rank: Rank } => entry.rank !== undefined)
    .sort((a, b) => a.rank.tier - b.rank.tier || a.rank.spread - b.rank.spread || a.index - b.index)
    .map((entry) => entry.command)
}

function rankOf(command: Pick<Command, 'title' | 'category'>, wanted: string): Rank | undefined {
  const title = normalize(command.title)
  const tier =
    wordTier(title, wanted) ??
    (wordTier(normalize(`${command.category} ${command.title}`), wanted) ? 'categoryWords' : undefined) ??
    (title.includes(wanted) ? 'insideWord' : undefined)
  if (tier) return { tier: tiers.indexOf(tier), spread: 0 }
  const letters = lettersOf(wanted)
  const spread = letters === '' ? undefined : lettersSpread(title, letters)
  return spread === undefined ? undefined : { tier: tiers.indexOf('lettersNearby'), spread }
}

/** How `wanted` matches `text` at word boundaries, if it does. */
function wordTier(text: string, wanted: string): Tier | undefined {
  if (text === wanted) return 'title'
  if (text.startsWith(wanted)) return 'titleStart'
  let best: Tier | undefined
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    if (!startsWord(text, at)) continue
    if (!isWordCharacter(text[at + wanted.length])) return 'wholeWord'
    best = 'wordStart'
  }
  if (best) return best
  const letters = lettersOf(wanted)
  return letters !== '' && startsOfWords(wordsOf(text), letters) ? 'wordStarts' : undefined
}

/** Whether `letters` can be read as the starts of some of `words`, in order: "ncev" in New Custom EVent. */
function startsOfWords(words: readonly string[], letters: string): boolean {
  const failed = new Set<string>()
  const from = (word: number, letter: number): boolean => {
    if (letter === letters.length) return true
    const key = `${word},${letter}`
    if (failed.has(key)) return false
    for (let next = word; next < words.length; next++) {
      const candidate = words[next] ?? ''
      for (
        let length = 1;
        length <= candidate.length && candidate[length - 1] === letters[letter + length - 1];
        length++
      ) {
        if (from(next + 1, letter + length)) return true
      }
    }
    failed.add(key)
    return false
  }
  return from(0, 0)
}

/**
 * The query's letters in order in `text`, from the start of a word and with no more letters skipped than typed (a
 * slip such as "exprt", "expbndl"): how many are skipped at the least; undefined if they are not there so. Letters
 * scattered over the whole title ("undo" in "About Capillary Mapping Studio") are no match: VS Code's palette does
 * not offer them either.
 */
function lettersSpread(text: string, letters: string): number | undefined {
  let fewest: number | undefined
  for (let start = text.indexOf(letters[0] ?? ''); start >= 0; start = text.indexOf(letters[0] ?? '', start + 1)) {
    if (!startsWord(text, start)) continue
    let at = start
    for (let index = 1; index < letters.length && at >= 0; index++) at = text.indexOf(letters[index] ?? '', at + 1)
    if (at < 0) break
    const skipped = lettersOf(text.slice(start, at + 1)).length - letters.length
    if (skipped <= letters.length && (fewest === undefined || skipped < fewest)) fewest = skipped
  }
  return fewest
}

/** Case, accents and spacing do not count; "…" is read as "...". */
function normalize(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

const wordCharacter = /[\p{L}\p{N}]/u
const isWordCharacter = (character: string | undefined) => character !== undefined && wordCharacter.test(character)
const startsWord = (text: string, at: number) => isWordCharacter(text[at]) && !isWordCharacter(text[at - 1])
const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '')
const lettersOf = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '')
