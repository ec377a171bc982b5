import * as RadixDialog from '@radix-ui/react-dialog'
import type { ReactNode } from 'react'
import { useReturnFocus } from './useReturnFocus'

interface DialogProps {
  title: string
  description?: string
  onClose(): void
  children: ReactNode
  footer?: ReactNode
  wide?: boolean
}

/**
 * Escape in a code editor closes the editor's own widgets (suggestions, find) and is the first half of its way out
 * (Escape, then Tab): it does not also close the dialog, losing what was typed there.
 */
function keepOpenInCodeEditor(event: KeyboardEvent): void {
  if (event.target instanceof Element && event.target.closest('.monaco-editor')) event.preventDefault()
}

/**
 * An accessible modal (focus trapped, Escape closes but in a code editor, labelled, focus given back on close), on
 * Radix's primitive.
 */
export function Dialog({ title, description, onClose, children, footer, wide }: DialogProps) {
  useReturnFocus(true)
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content
          className={`dialog${wide ? ' dialog-wide' : ''}`}
          aria-describedby={description ? undefined : undefined}
          onEscapeKeyDown={keepOpenInCodeEditor}
        >
          <RadixDialog.Title className="dialog-title">{title}</RadixDialog.Title>
          {description && (
            <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description>
          )}
          <div className="dialog-body">{children}</div>
          {footer && <div className="dialog-footer">{footer}</div>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}
