import type { editor as MonacoEditor } from 'monaco-editor/editor'
import { monaco } from '../../../editor/monaco'
import type { PreviewResult, TextMarker, ValueOrigin } from './previewProtocol'

export const inputModelPath = 'mapping-preview/payload.json'
export const outputModelPath = 'mapping-preview/output.json'

/** The latest result, for the hover provider (one preview is on screen at a time). */
let shown: PreviewResult | null = null
let hoverRegistered = false

const severities = {
  error: () => monaco.MarkerSeverity.Error,
  warning: () => monaco.MarkerSeverity.Warning,
  info: () => monaco.MarkerSeverity.Info
}

function toMarker(model: MonacoEditor.ITextModel, marker: TextMarker): MonacoEditor.IMarkerData {
  const start = model.getPositionAt(marker.start)
  const end = model.getPositionAt(Math.max(marker.end, marker.start + 1))
  return {
    severity: severities[marker.severity](),
    code: marker.code,
    message: marker.message,
    source: 'mapping preview',
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.column
  }
}

/** Puts a result's diagnostics on both editors as markers, and keeps it for the provenance hover. */
export function showPreviewMarkers(
  input: MonacoEditor.ITextModel | null | undefined,
  output: MonacoEditor.ITextModel | null | undefined,
  result: PreviewResult | null
): void {
  shown = result
  const markers = result?.markers ?? []
  if (input) {
    monaco.editor.setModelMarkers(
      input,
      'mapping-preview',
      markers.filter((marker) => marker.side === 'input').map((marker) => toMarker(input, marker))
    )
  }
  if (output) {
    monaco.editor.setModelMarkers(
      output,
      'mapping-preview',
      markers.filter((marker) => marker.side === 'output').map((marker) => toMarker(output, marker))
    )
  }
}

function describeOrigin(origin: ValueOrigin): string {
  const from =
    origin.source === 'path'
      ? `from \`${origin.path ?? ''}\``
      : origin.source === 'constant'
        ? 'a constant'
        : 'a JSONata expression'
  const steps = origin.transforms.length > 0 ? ` through ${origin.transforms.join(' → ')}` : ''
  const raw = origin.raw === undefined ? '' : `\n\nread: \`${JSON.stringify(origin.raw)?.slice(0, 200)}\``
  return `**${origin.target}** ${from}${steps}${raw}`
}

/** Hover over an output value: its source path and transforms; over an input value: the attributes it feeds. */
export function registerProvenanceHover(): void {
  if (hoverRegistered) return
  hoverRegistered = true
  monaco.languages.registerHoverProvider('json', {
    provideHover(model, position) {
      if (!shown) return null
      const path = model.uri.path.replace(/^\//, '')
      const offset = model.getOffsetAt(position)
      const inside = (range: { start: number; end: number } | null) =>
        range !== null && offset >= range.start && offset <= range.end
      if (path === outputModelPath) {
        const origin = shown.origins.find((candidate) => inside(candidate.output))
        if (!origin?.output) return null
        const start = model.getPositionAt(origin.output.start)
        const end = model.getPositionAt(origin.output.end)
        return {
          range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
          contents: [{ value: describeOrigin(origin) }]
        }
      }
      if (path === inputModelPath) {
        const feeding = shown.origins.filter((candidate) => candidate.inputs.some(inside))
        if (feeding.length === 0) return null
        const names = [...new Set(feeding.map((origin) => origin.target))]
        return { contents: [{ value: `Feeds ${names.map((name) => `**${name}**`).join(', ')}` }] }
      }
      return null
    }
  })
}
