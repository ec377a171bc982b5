// The preview's Web Worker: the mapping runs here, off the UI thread, with the same shared/engine as the relay.
import { createPreviewComputer } from './computePreview'
import type { PreviewRequest } from './previewProtocol'

const computePreview = createPreviewComputer()
// A dedicated worker's global scope (the renderer's types describe a window).
const scope = self as unknown as {
  onmessage: ((message: MessageEvent<PreviewRequest>) => void) | null
  postMessage(message: unknown): void
}

scope.onmessage = (message: MessageEvent<PreviewRequest>) => {
  void computePreview(message.data).then(
    (result) => {
      try {
        scope.postMessage(result)
      } catch {
        // A JSONata rule may give a function (the user is halfway through typing `$lowercase(...)`); what cannot be
        // cloned is sent as JSON, which leaves functions out, as the output text already does.
        scope.postMessage(JSON.parse(JSON.stringify(result)))
      }
    },
    (error: unknown) =>
      scope.postMessage({
        id: message.data.id,
        outputText: '',
        matched: false,
        valid: false,
        outputCount: 0,
        markers: [],
        origins: [],
        diagnostics: [],
        payloadError: `The preview failed: ${String(error)}`
      })
  )
}
