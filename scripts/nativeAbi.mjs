// Which ABI a native Node addon was built for, read from the binary itself: a NAN/V8 addon (better-sqlite3) exports
// `node_register_module_v<ABI>`, so a file's label (.forge-meta, its folder) can never pass for its content
// (TOOLCHAIN pitfall 6: a "linux--x64--150" label on a Node-ABI 115 build).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** The ABI numbers a binary registers for (usually one), read from its bytes. */
export function abisOfBinary(path) {
  const text = readFileSync(path).toString('latin1')
  return [...new Set([...text.matchAll(/node_register_module_v(\d+)/g)].map((match) => Number(match[1])))]
}

/** Electron's ABI for a version (node-abi's table, which electron-builder and @electron/rebuild use too). */
export function electronAbi(electronVersion) {
  return Number(require('node-abi').getAbi(electronVersion, 'electron'))
}

/** Throws, naming both, unless the binary is built for exactly `expectedAbi`. */
export function assertBinaryAbi(path, expectedAbi, what) {
  const found = abisOfBinary(path)
  if (found.length !== 1 || found[0] !== expectedAbi) {
    throw new Error(
      `${path} is built for ABI ${found.join(', ') || 'unknown'}, but ${what} needs ABI ${expectedAbi}. ` +
        'Refusing to package a binary that would not load.'
    )
  }
}
