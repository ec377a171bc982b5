import { DiffEditor } from '@monaco-editor/react'
import { useThemeStore } from '../app/theme'

interface JsonDiffViewProps {
  original: unknown
  modified: unknown
  label: string
  height?: string
}

/** Two JSON values side by side in Monaco's diff editor (read-only), e.g. expected against actual. */
export function JsonDiffView({ original, modified, label, height = '100%' }: JsonDiffViewProps) {
  const resolvedTheme = useThemeStore((state) => state.resolved)
  return (
    <div className="json-view" aria-label={label} role="region">
      <DiffEditor
        height={height}
        language="json"
        original={JSON.stringify(original, null, 2)}
        modified={JSON.stringify(modified, null, 2)}
        theme={resolvedTheme === 'dark' ? 'vs-dark' : 'vs'}
        options={{
          readOnly: true,
          originalEditable: false,
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
