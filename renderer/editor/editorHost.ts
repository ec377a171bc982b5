/**
 * The class of the element around every Monaco editor. React Flow (the mapping canvas) takes Space, Backspace and
 * Delete on the whole document (its pan and delete keys) unless they are typed in a field it recognises; Monaco's
 * input is a plain div, so without this mark a space typed in an expression vanished, and Backspace could remove
 * the selected rule. `nokey` is React Flow's own mark for "keys here are not mine".
 */
export const editorHost = 'nokey'
