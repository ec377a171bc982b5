import Editor from '@monaco-editor/react'
import { useThemeStore } from '../app/theme'
import { editorHost } from './editorHost'

interface JsonViewProps {
  value: unknown
  label: string
  height?: string
}

/** A read-only Monaco view of a JSON value (folding, search), themed with the studio. */
export function JsonView({ value, label, height = '100%' }: JsonViewProps) {
  const resolvedTheme = useThemeStore((state) => state.resolved)
  return (
    <div className={`json-view ${editorHost}`} aria-label={label} role="region">
      <Editor
        height={height}
        language="json"
        value={JSON.stringify(value, null, 2)}
        theme={resolvedTheme === 'dark' ? 'vs-dark' : 'vs'}
        options={{
          readOnly: true,
          domReadOnly: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          folding: true,
          automaticLayout: true,
          fontSize: 13,
          renderLineHighlight: 'none',
          // Read-only, so Tab has nothing to indent: it moves on.
          tabFocusMode: true,
          ariaLabel: label
        }}
      />
    </div>
  )
}
