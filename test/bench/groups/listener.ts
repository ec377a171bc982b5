import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CaptureRepository, type NewCapture } from '../../../main/store/CaptureRepository'
import { openProjectDatabase } from '../../../main/store/database'
import { IntegrationRepository } from '../../../main/store/IntegrationRepository'
import { jsonCapture } from '../../integration/support/jsonCapture'
import { figure, medianMs, type Figure } from '../figure'
import { startBenchListener } from '../support/benchListener'
import { startRecipeServer } from '../support/recipeServer'

interface LoadResult {
  requests: { total: number }
  /** Seconds the load actually ran. */
  duration: number
  non2xx: number
  errors: number
  timeouts: number
}
type LoadGenerator = (options: Record<string, unknown>) => Promise<LoadResult>
// autocannon ships no types; this is the part of its API we call.
const autocannon = require('autocannon') as LoadGenerator

/**
 * The servers take turns under load, round after round, so a machine busy with other work slows them alike; each
 * figure is the median of the rounds' ratios. The listener runs only for its own turns: its background work (search
 * indexing, WAL checkpoints, both left to quiet moments) would otherwise run during the others' turns, on this
 * process's event loop, and slow them. That work is done after each of its turns instead, off the clock, as the
 * listener does it in the pause after a burst: left undone, the WAL would grow across turns until SQLite checkpoints
 * it inside a commit of a later turn, which only a listener under non-stop load meets. Five rounds, because one
 * round's ratio swings by a third on a shared 2-core machine; warm-up included, each server's turns add up to 8.5 s
 * (under the 15 s a phase may take).
 */
const rounds = 5
const roundSeconds = 1.5
const warmupSeconds = 1
const capturesInFile = 100_000

/**
 * The listener against a bare `node:http` server under the same load (autocannon, ~2 KB JSON bodies, same run):
 * `listener.vs_bare_http` is our requests per second, every capture committed durably before its answer, over the
 * bare server's. `listener.recipe_vs_bare_http` does the same for issue 5's recipe at its barest (recipeServer.ts):
 * how much of the bare server any listener that parses and stores durably keeps on this machine, the ceiling the
 * first figure is read against; `listener.vs_recipe` is our share of that ceiling. Then, with 100,000 captures in the file, the newest 100 and a full-text search.
 */
export async function listenerBench(): Promise<Figure[]> {
  const folder = mkdtempSync(join(tmpdir(), 'capmap-bench-listener-'))
  try {
    const { bare, recipe, ours, ratio, recipeRatio, vsRecipe } = await throughput(folder)
    const { newest, search } = await listAndSearch(join(folder, 'full.capmap'))
    return [
      figure('listener.bare_http_rps', bare, 'ops/s'),
      figure('listener.recipe_rps', recipe, 'ops/s'),
      figure('listener.listener_rps', ours, 'ops/s'),
      figure('listener.recipe_vs_bare_http', recipeRatio, 'x'),
      figure('listener.vs_bare_http', ratio, 'x', 0.5),
      figure('listener.vs_recipe', vsRecipe, 'x'),
      figure('captures.list_newest_ms', newest, 'ms', 50),
      figure('captures.search_ms', search, 'ms', 50)
    ]
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

interface Throughput {
  bare: number
  recipe: number
  ours: number
  /** Medians of the rounds' ratios: ours and the recipe's to the bare server's, ours to the recipe's. */
  ratio: number
  recipeRatio: number
  vsRecipe: number
}

async function throughput(folder: string): Promise<Throughput> {
  const bare = await startBareServer()
  const recipe = await startRecipeServer(join(folder, 'recipe.db'))
  const db = openProjectDatabase(join(folder, 'load.capmap'), { create: true })
  new IntegrationRepository(db).insert(
    randomUUID(),
    {
      name: 'Bench',
      slug: 'bench',
      kind: 'custom',
      sourceAccount: 'INSTORE',
      eventNameField: 'event_name',
      eventNameMap: []
    },
    new Date().toISOString()
  )
  /** What the listener's CaptureIndexer does once captures stop arriving: index them, then checkpoint the WAL. */
  const doQuietWork = () => {
    new CaptureRepository(db).indexPending()
    db.pragma('wal_checkpoint(PASSIVE)')
  }
  const ourRound = async (seconds: number): Promise<number> => {
    const listener = await startBenchListener(db)
    try {
      return await load(`${listener.url}hooks/bench`, seconds)
    } finally {
      // Closing commits and answers at once; the load generator's idle sockets may take their time to go.
      void listener.close()
      doQuietWork()
    }
  }
  try {
    const bareUrl = `${bare.url}hooks/bench`
    const recipeUrl = `${recipe.url}hooks/bench`
    await load(bareUrl, warmupSeconds / 2)
    await load(recipeUrl, warmupSeconds / 2)
    await ourRound(warmupSeconds)
    const bareRates: number[] = []
    const recipeRates: number[] = []
    const ourRates: number[] = []
    for (let round = 0; round < rounds; round += 1) {
      bareRates.push(await load(bareUrl, roundSeconds))
      recipeRates.push(await load(recipeUrl, roundSeconds))
      ourRates.push(await ourRound(roundSeconds))
    }
    if (new CaptureRepository(db).count() === 0) throw new Error('the listener stored nothing under load')
    return {
      bare: mean(bareRates),
      recipe: mean(recipeRates),
      ours: mean(ourRates),
      ratio: medianRatio(ourRates, bareRates),
      recipeRatio: medianRatio(recipeRates, bareRates),
      vsRecipe: medianRatio(ourRates, recipeRates)
    }
  } finally {
    db.close()
    await Promise.all([bare.close(), recipe.close()])
  }
}

function medianRatio(rates: readonly number[], baselines: readonly number[]): number {
  const ratios = rates.map((rate, index) => rate / (baselines[index] ?? Number.NaN)).sort((a, b) => a - b)
  return ratios[Math.floor(ratios.length / 2)] ?? Number.NaN
}

/** A `node:http` server that answers 200 without storing anything: the baseline. */
async function startBareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      response.writeHead(200, { 'Content-Type': 'application/json' })
      response.end('{"ok":true}')
    })
  })
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => {
      server.closeAllConnections()
      return new Promise((resolveClose) => server.close(() => resolveClose()))
    }
  }
}

/** Requests per second under autocannon (its own thread), every answer a 2xx. */
async function load(url: string, seconds: number): Promise<number> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: payload(),
    connections: 50,
    workers: 1,
    duration: seconds
  })
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`)
  }
  return result.requests.total / result.duration
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

/** A WebEngage-style event of about 2 KB. */
function payload(): string {
  const body = {
    event_name: 'Added To Cart',
    user_id: '919663673779',
    event_time: '2026-11-20T18:42:07+05:30',
    event_data: {
      cartRefKey: '7f1e74da-36d3-4fda-9aef-9e8be379a6db',
      skuCode: '14572567',
      name: "Men's Casual shirt",
      brand: 'Bukl',
      category: 'Men/Top Wear/Shirts',
      variant: 'M',
      quantity: 1,
      price: 1299,
      items: Array.from({ length: 11 }, (_, index) => ({
        sku: `SKU-${1000 + index}`,
        title: `Cotton shirt, regular fit, size ${index + 36}`,
        qty: index + 1,
        unit_price: `${499 + index * 10}.50`,
        tags: ['summer', 'cotton', 'new-arrival']
      }))
    },
    system_data: {
      sdk: 'ANDROID',
      app_version: '5.12.0',
      page_url: 'https://www.example.com/p/14572567',
      browser_name: 'Chrome',
      os_name: 'Android',
      device: 'mobile',
      city: 'Bengaluru',
      region: 'Karnataka',
      country: 'India',
      ip: '115.99.221.149'
    }
  }
  return JSON.stringify(body)
}

async function listAndSearch(path: string): Promise<{ newest: number; search: number }> {
  const db = openProjectDatabase(path, { create: true })
  try {
    const captures = new CaptureRepository(db)
    fill(captures)
    const newest = await medianMs(() => captures.list({ limit: 100 }), 30)
    // Rare words (one capture in 5,000) and common ones (a quarter, a third of them), each the newest 100 matches.
    const searches = ['SKU-4242', 'Pune', 'Promotion Viewed', 'SKU-17 Delhi', '919000012345']
    let probe = 0
    const search = await medianMs(() => captures.list({ limit: 100, search: searches[probe++ % searches.length] }), 30)
    return { newest, search }
  } finally {
    db.close()
  }
}

/** 100,000 captures of realistic payloads, committed in large groups. */
function fill(captures: CaptureRepository): void {
  const started = Date.now()
  const group = 5_000
  for (let first = 0; first < capturesInFile; first += group) {
    const batch: NewCapture[] = []
    for (let n = first; n < first + group; n += 1) {
      const text = JSON.stringify({
        event_name: n % 3 === 0 ? 'Added To Cart' : 'Promotion Viewed',
        user_id: String(919_000_000_000 + n),
        sku: `SKU-${n % 5000}`,
        city: ['Bengaluru', 'Pune', 'Delhi', 'Mumbai'][n % 4],
        price: (n % 997) + 0.5
      })
      batch.push(
        jsonCapture(text, {
          receivedAt: new Date(started - (capturesInFile - n) * 1000).toISOString(),
          path: '/hooks/bench',
          status: 'unmatched'
        })
      )
    }
    captures.insert(batch)
  }
  captures.indexPending()
  if (captures.count() !== capturesInFile) throw new Error('the file does not hold 100,000 captures')
}
