import Editor from '@monaco-editor/react'
import { useThemeStore } from '../app/theme'
import { editorHost } from './editorHost'

interface JsonEditorProps {
  value: string
  label: string
  onChange(value: string): void
  height?: string
}

/** An editable Monaco JSON editor (highlighting, folding, the JSON worker's syntax errors), themed with the studio. */
export function JsonEditor({ value, label, onChange, height = '100%' }: JsonEditorProps) {
  const resolvedTheme = useThemeStore((state) => state.resolved)
  return (
    <div className={`json-view ${editorHost}`} aria-label={label} role="region">
      <Editor
        height={height}
        language="json"
        value={value}
        onChange={(next) => onChange(next ?? '')}
        theme={resolvedTheme === 'dark' ? 'vs-dark' : 'vs'}
        options={{
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fontSize: 13,
          tabSize: 2,
          // A field of a form or a dialog (a pasted payload, an expected output): Tab moves on, as in any field.
          // Enter keeps the indentation, and Shift+Alt+F formats the whole document.
          tabFocusMode: true,
          ariaLabel: label
        }}
      />
    </div>
  )
}
