const minuteMs = 60_000

/**
 * How many captures this studio's listener committed in each minute of the last hour, kept in memory for the status
 * bar's rate: the project file alone tells too few once retention has deleted some (keep the last 100 of a flood of
 * 500 a minute).
 */
export class ReceivedPerMinute {
  /** Captures by the start of their minute (milliseconds since the epoch). */
  private readonly counts = new Map<number, number>()

  constructor(private readonly keptMinutes = 60) {}

  /** Counts captures by the minute they were received in (ISO 8601 times, as stored). */
  record(receivedAt: readonly string[]): void {
    let latest = Number.NEGATIVE_INFINITY
    for (const time of receivedAt) {
      const minute = minuteOf(Date.parse(time))
      if (Number.isNaN(minute)) continue
      this.counts.set(minute, (this.counts.get(minute) ?? 0) + 1)
      latest = Math.max(latest, minute)
    }
    for (const minute of this.counts.keys()) {
      if (minute <= latest - this.keptMinutes * minuteMs) this.counts.delete(minute)
    }
  }

  /** The counts of `minutes` minutes from the one starting at `from`, oldest first. */
  counted(from: Date, minutes: number): number[] {
    const first = minuteOf(from.getTime())
    return Array.from({ length: minutes }, (_, index) => this.counts.get(first + index * minuteMs) ?? 0)
  }

  /** Another project: its captures are not these. */
  clear(): void {
    this.counts.clear()
  }
}

const minuteOf = (time: number) => Math.floor(time / minuteMs) * minuteMs
