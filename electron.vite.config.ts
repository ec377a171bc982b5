import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Our layout (ARCHITECTURE §2) replaces electron-vite's default src/ paths. The main build also produces the CLI
// (out/main/cli.js), which imports no 'electron' and runs on plain Node: `capmap` and web mode.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'main/app/main.ts'), cli: resolve(__dirname, 'main/cli/index.ts') }
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: { input: { index: resolve(__dirname, 'main/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      chunkSizeWarningLimit: 8000,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } }
    },
    worker: { format: 'es' },
    plugins: [react()]
  }
})
