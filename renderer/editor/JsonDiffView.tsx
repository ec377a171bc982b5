import { DiffEditor, type DiffOnMount } from '@monaco-editor/react'
import { useLayoutEffect, useRef } from 'react'
import { useThemeStore } from '../app/theme'
import { editorHost } from './editorHost'

interface JsonDiffViewProps {
  original: unknown
  modified: unknown
  label: string
  height?: string
}

type DiffEditorWidget = Parameters<DiffOnMount>[0]

/** Two JSON values side by side in Monaco's diff editor (read-only), e.g. expected against actual. */
export function JsonDiffView({ original, modified, label, height = '100%' }: JsonDiffViewProps) {
  const resolvedTheme = useThemeStore((state) => state.resolved)
  const editor = useRef<DiffEditorWidget | null>(null)

  // @monaco-editor/react 4.7 disposes the two models before the widget that holds them, which Monaco reports as an
  // error ("TextModel got disposed before DiffEditorWidget model got reset", monaco-react#647). So the library keeps
  // them (keepCurrent…Model) and this cleanup, run before the library's own, detaches them and then disposes them.
  useLayoutEffect(
    () => () => {
      const widget = editor.current
      editor.current = null
      const models = widget?.getModel()
      widget?.setModel(null)
      models?.original.dispose()
      models?.modified.dispose()
    },
    []
  )

  return (
    <div className={`json-view ${editorHost}`} aria-label={label} role="region">
      <DiffEditor
        height={height}
        language="json"
        original={JSON.stringify(original, null, 2)}
        modified={JSON.stringify(modified, null, 2)}
        theme={resolvedTheme === 'dark' ? 'vs-dark' : 'vs'}
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        onMount={(mounted) => {
          editor.current = mounted
        }}
        options={{
          readOnly: true,
          originalEditable: false,
          // Read-only, so Tab has nothing to indent: it moves on.
          tabFocusMode: true,
          renderSideBySide: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fontSize: 13
        }}
      />
    </div>
  )
}
