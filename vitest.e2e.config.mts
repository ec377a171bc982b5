import { defineConfig } from 'vitest/config'

// The end-to-end suite: the built studio in web mode, driven in Debian's Chromium (see test/e2e/README.md).
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000
  }
})
