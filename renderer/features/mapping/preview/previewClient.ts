import type { PreviewRequest, PreviewResult } from './previewProtocol'

/** Debounce of the preview after an edit: short, so a keystroke shows its effect at once (issue 7: 30 ms or less). */
export const previewDebounceMs = 10

export interface PreviewClient {
  /** Runs a request; only the newest request's result is delivered (older ones are dropped). */
  request(request: Omit<PreviewRequest, 'id'>, onResult: (result: PreviewResult) => void): void
  dispose(): void
}

/** The preview worker, started on first use. */
export function createPreviewClient(): PreviewClient {
  let worker: Worker | undefined
  let latest = 0
  let deliver: ((result: PreviewResult) => void) | undefined
  const start = () => {
    const started = new Worker(new URL('./previewWorker.ts', import.meta.url), { type: 'module' })
    started.onmessage = (message: MessageEvent<PreviewResult>) => {
      if (message.data.id === latest) deliver?.(message.data)
    }
    return started
  }
  return {
    request(request, onResult) {
      worker ??= start()
      latest += 1
      deliver = onResult
      worker.postMessage({ ...request, id: latest })
    },
    dispose() {
      worker?.terminate()
      worker = undefined
    }
  }
}
