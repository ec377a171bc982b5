/* global process, console */
// `npm run dist [-- electron-builder args]`: the installers for this machine's platform (electron-builder.yml:
// AppImage and deb on Linux, dmg on macOS, nsis on Windows). better-sqlite3 is compiled for Electron's ABI from
// Electron's headers (downloaded, so this needs the network) in a staging copy, so node_modules keeps its Node build
// and the tests keep working, during the build and after it. It fails loudly, before packaging anything, when the
// headers cannot be had, and the afterPack hook proves the packed binary's ABI from its bytes (TOOLCHAIN pitfalls 6, 7).
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { abisOfBinary, assertBinaryAbi, electronAbi } from './nativeAbi.mjs'

const require = createRequire(import.meta.url)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const electronVersion = require(join(root, 'node_modules/electron/package.json')).version
const abi = electronAbi(electronVersion)
const nodeBinary = join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
const headersUrl = process.env.ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers'

class DistError extends Error {}

function fail(message) {
  throw new DistError(message)
}

function run(command, args, options) {
  const outcome = spawnSync(command, args, { stdio: 'inherit', ...options })
  return outcome.status === 0
}

/** Compiles better-sqlite3 for Electron in a copy of the package; answers the built binary. */
function buildForElectron(staging) {
  const copy = join(staging, 'better-sqlite3')
  cpSync(join(root, 'node_modules/better-sqlite3'), copy, {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`)
  })
  // npm passes the machine's `nodedir=/usr` on as npm_config_nodedir: node-gyp would then build against Node's own
  // headers and the result would only look like an Electron build (pitfall 6). Never let it through.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(name)
    )
  )
  const built = run(
    process.execPath,
    [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      `--dist-url=${headersUrl}`,
      // Where downloaded headers are kept (the same folder @electron/rebuild uses).
      `--devdir=${process.env.ELECTRON_GYP_DIR ?? join(homedir(), '.electron-gyp')}`
    ],
    { cwd: copy, env }
  )
  const binary = join(copy, 'build/Release/better_sqlite3.node')
  if (!built || !existsSync(binary)) {
    fail(
      `better-sqlite3 could not be compiled for Electron ${electronVersion} (ABI ${abi}): Electron's headers could ` +
        `not be downloaded from ${headersUrl}, or the compiler failed (see above). Nothing was packaged, and ` +
        'node_modules still holds its Node build. Run it where that server is reachable, or set ELECTRON_HEADERS_URL.'
    )
  }
  assertBinaryAbi(binary, abi, `Electron ${electronVersion}`)
  return binary
}

const nodeAbiBefore = existsSync(nodeBinary) ? abisOfBinary(nodeBinary) : []
const staging = mkdtempSync(join(tmpdir(), 'capmap-dist-'))
try {
  const electronBinary = buildForElectron(staging)
  console.log(`✔ better-sqlite3 built for Electron ${electronVersion} (ABI ${abi})`)
  if (!run('npm', ['run', '-s', 'build'], { cwd: root, shell: process.platform === 'win32' })) fail('the build failed.')
  const packaged = run(
    process.execPath,
    [require.resolve('electron-builder/cli.js'), '--publish', 'never', ...process.argv.slice(2)],
    {
      cwd: root,
      env: { ...process.env, CAPMAP_ELECTRON_BETTER_SQLITE3: electronBinary, CAPMAP_ELECTRON_ABI: String(abi) }
    }
  )
  if (!packaged) fail('electron-builder failed (see above).')
  console.log('✔ installers written to dist/')
} catch (error) {
  console.error(`\n✘ npm run dist failed: ${error instanceof DistError ? error.message : (error?.stack ?? error)}\n`)
  process.exitCode = 1
} finally {
  rmSync(staging, { recursive: true, force: true })
  // The tests run on node_modules' Node build: prove it is still the one there.
  const nodeAbiAfter = existsSync(nodeBinary) ? abisOfBinary(nodeBinary) : []
  if (nodeAbiAfter.join() !== nodeAbiBefore.join() || !nodeAbiAfter.includes(Number(process.versions.modules))) {
    console.error(
      `✘ node_modules' better-sqlite3 is no longer Node's build (ABI ${nodeAbiAfter}): run \`npm rebuild better-sqlite3\`.`
    )
    process.exitCode = 1
  }
}
