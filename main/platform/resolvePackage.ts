import { createRequire } from 'node:module'

/**
 * Where a package's entry file is, for a worker thread to `require` it (a worker started from source text resolves
 * nothing by itself). The CLI and the app are CommonJS bundles; tests and the bench load this file as an ES module.
 */
export function resolvePackage(name: string): string {
  const resolve = typeof require === 'function' ? require.resolve : createRequire(import.meta.url).resolve
  return resolve(name)
}
