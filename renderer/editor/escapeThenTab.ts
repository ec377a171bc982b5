import type { editor as MonacoEditor } from 'monaco-editor/editor'
import { monaco } from './monaco'

/** What an editor whose Tab indents tells the user about the way out (WCAG 2.1.2: no keyboard trap). */
export const escapeThenTabHint = 'Tab indents here: press Escape, then Tab, to move on.'

/**
 * Gives an editor whose Tab key indents a way out by keyboard, as CodeMirror does: Escape, then Tab or Shift+Tab,
 * moves the focus on (Monaco's own Ctrl+M, which turns tab focus mode on in every editor until pressed again, is
 * the other way). Escape turns Monaco's tab focus mode on for this editor until any other key is pressed or
 * the editor loses focus. Editors already in tab focus mode (their own option, or Ctrl+M) are left alone. The
 * listeners live as long as the editor.
 */
export function letEscapeThenTabLeave(editor: MonacoEditor.ICodeEditor): void {
  const { KeyCode } = monaco
  const modifierKeys = [KeyCode.Shift, KeyCode.Ctrl, KeyCode.Alt, KeyCode.Meta]
  let armed = false
  const disarm = () => {
    if (!armed) return
    armed = false
    editor.updateOptions({ tabFocusMode: false })
  }
  // Listeners on the editor's input run before Monaco's keybindings (on its container), so the Tab that follows an
  // Escape already finds the mode on, and is left to the browser.
  editor.onKeyDown((event) => {
    if (event.keyCode === KeyCode.Escape) {
      if (!armed && !editor.getOption(monaco.editor.EditorOption.tabFocusMode)) {
        armed = true
        editor.updateOptions({ tabFocusMode: true })
      }
    } else if (event.keyCode !== KeyCode.Tab && !modifierKeys.includes(event.keyCode)) disarm()
  })
  editor.onDidBlurEditorText(disarm)
}
