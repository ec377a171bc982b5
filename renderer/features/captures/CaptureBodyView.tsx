import Editor from '@monaco-editor/react'
import { useThemeStore } from '../../app/theme'
import type { BodyPreview } from './bodyPreview'

/** A read-only Monaco view of a body (folding, search), saying when it shows only the start. */
export function CaptureBodyView({ preview, label }: { preview: BodyPreview; label: string }) {
  const theme = useThemeStore((state) => state.resolved)
  return (
    <div className="capture-body">
      {preview.truncated && (
        <p className="capture-truncated" role="note">
          {/* In characters of this view (JSON laid out, a form decoded): not the body's size in bytes. */}
          Showing the first {preview.truncated.shownChars.toLocaleString('en')} of{' '}
          {preview.truncated.totalChars.toLocaleString('en')} characters. The full body is kept: copy it as curl, save
          it as a sample, or re-send it.
        </p>
      )}
      <div className="json-view capture-editor" aria-label={label} role="region">
        <Editor
          height="100%"
          language={preview.language}
          value={preview.text}
          theme={theme === 'dark' ? 'vs-dark' : 'vs'}
          options={{
            readOnly: true,
            domReadOnly: true,
            minimap: { enabled: false },
            scrollBeyondLastLine: false,
            folding: true,
            automaticLayout: true,
            fontSize: 13,
            renderLineHighlight: 'none',
            wordWrap: preview.language === 'plaintext' ? 'on' : 'off',
            // Read-only, so Tab has nothing to indent: it moves on.
            tabFocusMode: true,
            ariaLabel: label
          }}
        />
      </div>
    </div>
  )
}
