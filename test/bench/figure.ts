/** One line of `npm run -s bench`: a ratio against a baseline measured in the same run, or a latency in ms. */
export interface Figure {
  name: string
  value: number
  unit: 'x' | 'ms' | 'ops/s' | 'MB'
  target?: number
  /** Only with a target: whether the figure meets it (`x` and `ops/s`: at least; `ms` and `MB`: at most). */
  ok?: boolean
}

export type BenchGroup = () => Promise<Figure[]>

export function figure(name: string, value: number, unit: Figure['unit'], target?: number): Figure {
  const rounded = Math.round(value * 100) / 100
  if (target === undefined) return { name, value: rounded, unit }
  return { name, value: rounded, unit, target, ok: unit === 'ms' || unit === 'MB' ? value <= target : value >= target }
}

/** Median wall time of `runs` calls, after `warmup` unmeasured ones (the median shrugs off a noisy machine). */
export async function medianMs(run: () => unknown, runs = 50, warmup = 5): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await run()
  const times: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? Number.NaN
}
