// Lint, with the layer boundaries of ARCHITECTURE §2 enforced as import rules (and by a tsconfig per layer).
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'http', 'crypto', 'child_process'],
  message: 'Node APIs belong in main/.'
}
const electronValue = {
  name: 'electron',
  message: "Only main/app and main/preload import 'electron' (elsewhere: `import type`).",
  allowTypeImports: true
}

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off'
    }
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is pure: no electron.' }],
          patterns: [
            nodeBuiltins,
            {
              group: ['react', 'react-dom', 'react/*', 'zustand', 'monaco-editor', '@monaco-editor/*'],
              message: 'shared/ is pure: no UI libraries.'
            },
            { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports only shared/.' }
          ]
        }
      ],
      // STYLE rule 2: shared code never reads the clock or randomness; they are passed in.
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the time in.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in.' }
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the time in.' }
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'localStorage', 'fetch']
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer never imports electron: use the api client.' }],
          patterns: [
            nodeBuiltins,
            { group: ['**/main/**'], message: 'The renderer reaches main only through the api.' }
          ]
        }
      ]
    }
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: globals.node },
    ignores: ['main/app/**', 'main/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronValue],
          patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }]
        }
      ],
      'no-restricted-syntax': [
        'error',
        {
          // A deferred transaction that reads first cannot take the write lock once the listener's writer thread
          // has committed since: SQLite fails it at once (SQLITE_BUSY_SNAPSHOT), without waiting.
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Run a write transaction with inWriteTransaction (store/database.ts): it begins IMMEDIATE.'
        }
      ]
    }
  },
  {
    files: ['main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The CLI runs on plain Node: no electron, not even its types.' }] }
      ]
    }
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!electron$|\\./)', message: "The preload imports nothing but 'electron'." }] }
      ]
    }
  },
  {
    files: ['main/app/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }] }
      ]
    }
  },
  {
    files: ['test/**/*.{ts,tsx,mts,mjs}', '*.{mjs,mts,ts}', 'bin/**/*.js', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    // Unit tests share their threads and modules (vitest.config.mts): a mock or a stubbed global would leak.
    files: ['test/unit/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['mock', 'doMock', 'stubGlobal', 'stubEnv'].map((property) => ({
          object: 'vi',
          property,
          message: 'Unit tests share modules and globals: test real parts, or move the test to test/integration.'
        }))
      ]
    }
  }
)
