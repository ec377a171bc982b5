import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          // Pure tests without mocks or global state: sharing threads and modules makes them six times faster.
          pool: 'threads',
          isolate: false
        }
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 120_000
        }
      },
      {
        plugins: [react()],
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['test/ui/**/*.test.{ts,tsx}'],
          setupFiles: ['test/ui/setup.ts'],
          // One jsdom per worker rather than per file (146 s to 22 s here): the setup file mocks Monaco for all and
          // cleans the document after each test; every store is made per test.
          isolate: false
        }
      }
    ]
  }
})
