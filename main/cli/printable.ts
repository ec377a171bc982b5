/**
 * Characters a terminal acts on instead of showing: C0 controls, DEL and C1 controls (`\p{Cc}`; VTE, screen and mosh
 * read U+009B as CSI even in UTF-8), and the bidi controls (`\p{Bidi_Control}`: overrides, isolates, marks), which
 * reorder what follows them on screen.
 */
const onOneLine = /[\p{Cc}\p{Bidi_Control}]/gu

/** The same, but line breaks (\n, \r\n) and tabs lay out text, so they stay; a lone \r would overwrite a line. */
const inText = /\r(?!\n)|(?![\t\n\r])[\p{Cc}\p{Bidi_Control}]/gu

/** In JSON.stringify's output: it escapes C0 controls in strings itself, and indents with raw line breaks. */
const inJson = /(?!\n)[\p{Cc}\p{Bidi_Control}]/gu

const hex = (character: string, digits: number) => character.charCodeAt(0).toString(16).padStart(digits, '0')

/** `\x1b` for a C0 or C1 control or DEL, `\u202e` beyond: the reader still sees what the sender sent. */
const visible = (character: string) =>
  character.charCodeAt(0) <= 0xff ? `\\x${hex(character, 2)}` : `\\u${hex(character, 4)}`

/**
 * Text from a webhook's sender made safe to print: every character a terminal would act on (clear the screen, set
 * its title, reorder the line) shown as an escape instead. `line` (the default) keeps it on one line; `text` keeps
 * its line breaks and tabs. Backslashes are left as they are: this is for reading, not for parsing back.
 */
export function printable(text: string, layout: 'line' | 'text' = 'line'): string {
  return text.replace(layout === 'line' ? onOneLine : inText, visible)
}

/**
 * JSON.stringify with the controls it leaves raw (DEL, C1, bidi) written as `\u` escapes: the same JSON to a
 * parser, but nothing a terminal acts on when it is printed to one.
 */
export function printableJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(inJson, (character) => `\\u${hex(character, 4)}`)
}
