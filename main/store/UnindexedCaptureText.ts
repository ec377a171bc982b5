import Database from 'better-sqlite3'
import { inWriteTransaction } from './database'

export interface CaptureText {
  seq: number
  text: string
}

/**
 * A search index in memory for what a read-only reader finds unindexed in the file (`capmap captures list --search`
 * beside a running listener, a studio that opened the project read-only): the captures above the file index's
 * high-water mark, which such a reader cannot write. Same FTS5 table and tokenizer as the file's, so a search
 * matches them exactly as it will once the listener indexes them: by word starts, not anywhere in a word.
 */
export class UnindexedCaptureText {
  private readonly index = new Database(':memory:')
  private readonly held = new Set<number>()

  constructor() {
    this.index.exec(`CREATE VIRTUAL TABLE captures_text USING fts5 (text, content = '', contentless_delete = 1)`)
  }

  /**
   * Brings the index up to date: drops what the file's index now holds (at or below `fileIndexedThrough`) and adds
   * the `unindexed` captures it lacks, their text read by `textsOf`.
   */
  update(
    fileIndexedThrough: number,
    unindexed: readonly number[],
    textsOf: (seqs: number[]) => Iterable<CaptureText>
  ): void {
    const dropped = [...this.held].filter((seq) => seq <= fileIndexedThrough)
    const missing = unindexed.filter((seq) => !this.held.has(seq))
    if (dropped.length === 0 && missing.length === 0) return
    const remove = this.index.prepare('DELETE FROM captures_text WHERE rowid = ?')
    const insert = this.index.prepare('INSERT INTO captures_text (rowid, text) VALUES (?, ?)')
    const added: number[] = []
    inWriteTransaction(this.index, () => {
      for (const seq of dropped) remove.run(seq)
      for (const { seq, text } of textsOf(missing)) {
        insert.run(seq, text)
        added.push(seq)
      }
    })
    for (const seq of dropped) this.held.delete(seq)
    for (const seq of added) this.held.add(seq)
  }

  /** The captures held whose text matches an FTS5 expression, newest first. */
  matching(match: string): number[] {
    return this.index
      .prepare('SELECT rowid FROM captures_text WHERE captures_text MATCH ? ORDER BY rowid DESC')
      .pluck()
      .all(match) as number[]
  }
}
