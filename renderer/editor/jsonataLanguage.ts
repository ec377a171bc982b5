import jsonata from 'jsonata'
import type { editor as MonacoEditor, languages as MonacoLanguages } from 'monaco-editor/editor'
import type { PathSegment } from '../../shared/engine/sourcePath/parsePath'
import { jsonataFunctions } from './jsonataFunctions'
import { monaco } from './monaco'

export const jsonataLanguageId = 'jsonata'

/** Source paths offered by completion, per editor model (the rule editor sets those of its mapping's schema). */
const sourcePaths = new Map<string, readonly string[]>()

export function setJsonataSourcePaths(model: MonacoEditor.ITextModel, paths: readonly string[]): void {
  sourcePaths.set(model.uri.toString(), paths)
}

let registered = false

/**
 * Registers JSONata with Monaco once: highlighting (a Monarch grammar), completion of the built-in functions with
 * their docs and of the schema's source paths, and hover docs for functions. Additive: monaco.ts is unchanged.
 */
export function registerJsonataLanguage(): void {
  if (registered) return
  registered = true
  monaco.languages.register({ id: jsonataLanguageId })
  monaco.languages.setLanguageConfiguration(jsonataLanguageId, {
    brackets: [
      ['{', '}'],
      ['[', ']'],
      ['(', ')']
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: '"', close: '"' },
      { open: "'", close: "'" }
    ],
    comments: { blockComment: ['/*', '*/'] }
  })
  monaco.languages.setMonarchTokensProvider(jsonataLanguageId, {
    keywords: ['and', 'or', 'in', 'true', 'false', 'null', 'function'],
    tokenizer: {
      root: [
        [/\/\*/, 'comment', '@comment'],
        [/"([^"\\]|\\.)*"/, 'string'],
        [/'([^'\\]|\\.)*'/, 'string'],
        [/`[^`]*`/, 'identifier'],
        [/\$\$|\$[a-zA-Z_][\w]*|\$/, 'variable'],
        [/-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
        [/[a-zA-Z_][\w]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
        [/:=|!=|<=|>=|~>|\?:|\?\?|[=<>&%*+\-/.?:,;^#@|]/, 'operator'],
        [/[{}()[\]]/, '@brackets']
      ],
      comment: [
        [/\*\//, 'comment', '@pop'],
        [/./, 'comment']
      ]
    }
  } as MonacoLanguages.IMonarchLanguage)

  monaco.languages.registerCompletionItemProvider(jsonataLanguageId, {
    triggerCharacters: ['$', '.'],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position)
      const line = model.getLineContent(position.lineNumber).slice(0, position.column - 1)
      const dollar = line.slice(0, word.startColumn - 1).endsWith('$')
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn - (dollar ? 1 : 0),
        endColumn: word.endColumn
      }
      const functions = jsonataFunctions.map((entry) => ({
        label: `$${entry.name}`,
        kind: monaco.languages.CompletionItemKind.Function,
        detail: entry.signature,
        documentation: { value: entry.doc },
        // `$name` would be a snippet variable: the dollar of a JSONata function is escaped.
        insertText: `\\$${entry.name}($0)`,
        insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
        range
      }))
      // A path after a dot continues from the path typed so far.
      const typedPath = /([\w`.[\]"*]+)\.$/.exec(line.slice(0, word.startColumn - 1))?.[1]
      const paths = (sourcePaths.get(model.uri.toString()) ?? [])
        .filter((path) => (typedPath ? path.startsWith(`${typedPath}.`) : true))
        .map((path) => ({
          label: typedPath ? path.slice(typedPath.length + 1) : path,
          kind: monaco.languages.CompletionItemKind.Field,
          detail: 'source path',
          insertText: typedPath ? path.slice(typedPath.length + 1) : path,
          range: { ...range, startColumn: word.startColumn }
        }))
      return { suggestions: dollar ? functions : [...paths, ...functions] }
    }
  })

  monaco.languages.registerHoverProvider(jsonataLanguageId, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position)
      if (!word) return null
      const entry = jsonataFunctions.find((candidate) => candidate.name === word.word)
      const before = model.getLineContent(position.lineNumber)[word.startColumn - 2]
      if (!entry || before !== '$') return null
      return { contents: [{ value: `**${entry.signature}**` }, { value: entry.doc }] }
    }
  })
}

/** A source path (its parsed segments) in JSONata: odd names in backquotes, lists mapped over implicitly. */
export function jsonataPath(segments: readonly PathSegment[]): string {
  let path = ''
  for (const segment of segments) {
    if ('key' in segment) {
      const name = /^[A-Za-z_]\w*$/.test(segment.key) ? segment.key : `\`${segment.key}\``
      path += path === '' ? name : `.${name}`
    } else if ('index' in segment) path += `[${segment.index}]`
  }
  return path
}

/** The syntax error of an expression as a Monaco marker at its position, or none. */
export function jsonataSyntaxMarkers(model: MonacoEditor.ITextModel): MonacoEditor.IMarkerData[] {
  const text = model.getValue()
  if (text.trim() === '') return []
  try {
    jsonata(text)
    return []
  } catch (error) {
    const { message, position, token } = error as { message?: string; position?: number; token?: string }
    const end = model.getPositionAt(Math.max(0, Math.min(text.length, position ?? text.length)))
    const start = model.getPositionAt(Math.max(0, (position ?? text.length) - Math.max(1, token?.length ?? 1)))
    return [
      {
        severity: monaco.MarkerSeverity.Error,
        message: message ?? String(error),
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: Math.max(end.column, start.column + 1)
      }
    ]
  }
}
