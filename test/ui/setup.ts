import { cleanup } from '@testing-library/react'
import { createElement } from 'react'
import { afterEach, vi } from 'vitest'

// jsdom lacks these browser APIs that cmdk and Radix call.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Element.prototype.scrollIntoView ??= function scrollIntoView() {}

interface EditorProps {
  value?: string
  onChange?: (value: string | undefined) => void
  options?: { ariaLabel?: string }
}

// Monaco cannot run in jsdom (TOOLCHAIN, vitest config): every UI test sees its editors as text areas named by their ariaLabel.
// Mocked here, once, for every file: the files share their modules (vitest.config.mts).
vi.mock('@monaco-editor/react', () => ({
  default: ({ value, onChange, options }: EditorProps) =>
    createElement('textarea', {
      // Inside Monaco's own element, as its focused text area is.
      className: 'monaco-editor',
      'aria-label': options?.ariaLabel ?? 'editor',
      value: value ?? '',
      readOnly: onChange === undefined,
      onChange: (event: { target: { value: string } }) => onChange?.(event.target.value)
    }),
  DiffEditor: ({ original, modified }: { original?: string; modified?: string }) =>
    createElement('div', { 'data-testid': 'diff-editor' }, original, modified),
  loader: { config: () => undefined, init: () => Promise.resolve({}) }
}))

afterEach(() => cleanup())
