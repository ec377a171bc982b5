/* global process */
// electron-builder's afterPack hook: puts the Electron-ABI better-sqlite3 that scripts/dist.mjs built into the
// package and proves its ABI from the binary's own bytes. Without one it stops the build: a package holding the Node
// build would not start. The packaging check of test/integration/packaging (a stand-in Electron, TOOLCHAIN §4) says
// so explicitly with CAPMAP_PACKAGING_CHECK=1 and keeps the Node build.
import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { assertBinaryAbi } from './nativeAbi.mjs'

export const unpackedBinary = join(
  'app.asar.unpacked',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node'
)

export default async function afterPack(context) {
  const resources =
    context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas'
      ? join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources')
      : join(context.appOutDir, 'resources')
  const target = join(resources, unpackedBinary)
  if (!existsSync(target)) throw new Error(`afterPack: ${target} is missing: better-sqlite3 was not packed.`)
  const built = process.env.CAPMAP_ELECTRON_BETTER_SQLITE3
  if (!built) {
    if (process.env.CAPMAP_PACKAGING_CHECK === '1') return
    throw new Error(
      'afterPack: no Electron build of better-sqlite3 was given. Package with `npm run dist`, which builds one from ' +
        "Electron's headers (CAPMAP_ELECTRON_BETTER_SQLITE3 names it)."
    )
  }
  const abi = Number(process.env.CAPMAP_ELECTRON_ABI)
  assertBinaryAbi(built, abi, 'Electron')
  copyFileSync(built, target)
  assertBinaryAbi(target, abi, 'Electron')
}
