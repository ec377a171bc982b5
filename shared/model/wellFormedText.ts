/** Half of a UTF-16 surrogate pair, alone: JSON escapes (`"\ud800"`) and IPC allow it; no file name or UTF-8 can hold it. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True when the text has no lone surrogate (String.prototype.isWellFormed, which ES2023's library lacks). */
export const isWellFormedText = (text: string): boolean => !loneSurrogate.test(text)

/** The first `length` UTF-16 units of `text`, one fewer when the cut would split a character (an emoji) in two. */
export const sliceWhole = (text: string, length: number): string =>
  text.slice(0, length).replace(/[\uD800-\uDBFF]$/, '')
