// Monaco from our own bundle, never a CDN: the slim entry points (core, editor features, JSON) and Vite-bundled
// workers. Imported first by main.tsx, before anything renders an editor (TOOLCHAIN pitfalls 4 and 5).
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/features/json/register'
import { loader } from '@monaco-editor/react'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker()
  }
}
loader.config({ monaco })

export { monaco }
