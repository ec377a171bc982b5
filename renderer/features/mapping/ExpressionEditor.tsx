import Editor, { type OnMount } from '@monaco-editor/react'
import { useEffect, useRef } from 'react'
import type { editor as MonacoEditor } from 'monaco-editor/editor'
import { useThemeStore } from '../../app/theme'
import { editorHost } from '../../editor/editorHost'
import { monaco } from '../../editor/monaco'
import {
  jsonataLanguageId,
  jsonataSyntaxMarkers,
  registerJsonataLanguage,
  setJsonataSourcePaths
} from '../../editor/jsonataLanguage'

interface ExpressionEditorProps {
  label: string
  value: string
  /** JSONata paths of the source schema, offered by completion. */
  paths: readonly string[]
  readOnly: boolean
  onChange(value: string): void
}

/** A JSONata expression in Monaco: highlighting, completion of source paths and functions, syntax errors inline. */
export function ExpressionEditor({ label, value, paths, readOnly, onChange }: ExpressionEditorProps) {
  const theme = useThemeStore((state) => state.resolved)
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null)
  registerJsonataLanguage()

  const check = () => {
    const model = editorRef.current?.getModel()
    if (model) monaco.editor.setModelMarkers(model, 'jsonata-syntax', jsonataSyntaxMarkers(model))
  }
  const onMount: OnMount = (editor) => {
    editorRef.current = editor as unknown as MonacoEditor.IStandaloneCodeEditor
    const model = editorRef.current.getModel()
    if (model) setJsonataSourcePaths(model, paths)
    check()
  }
  useEffect(() => {
    const model = editorRef.current?.getModel()
    if (model) setJsonataSourcePaths(model, paths)
  }, [paths])
  useEffect(check, [value])

  return (
    <div className={`expression-editor ${editorHost}`} role="region" aria-label={label}>
      <Editor
        height="120px"
        language={jsonataLanguageId}
        value={value}
        theme={theme === 'dark' ? 'vs-dark' : 'vs'}
        onMount={onMount}
        onChange={(next) => onChange(next ?? '')}
        options={{
          readOnly,
          minimap: { enabled: false },
          lineNumbers: 'off',
          scrollBeyondLastLine: false,
          automaticLayout: true,
          fontSize: 13,
          wordWrap: 'on',
          quickSuggestions: true,
          // A form field of the rule editor: Tab and Shift+Tab go to the next and previous control, as in any field,
          // rather than indenting (they typed spaces into the expression, and kept the keyboard user in).
          tabFocusMode: true,
          ariaLabel: label
        }}
      />
    </div>
  )
}
