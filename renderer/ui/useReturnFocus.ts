import { useLayoutEffect, useRef } from 'react'

/**
 * While `active` (a dialog, the palette), remembers what had the focus before it; once it closes, gives the focus
 * back there unless something else took it, so a keyboard user goes on where they were rather than from the top of
 * the page. Read in a layout effect: before the dialog's own focus moves inside it.
 */
export function useReturnFocus(active: boolean): void {
  const opener = useRef<Element | null>(null)
  useLayoutEffect(() => {
    if (!active) return
    opener.current = document.activeElement
    return () => {
      const element = opener.current
      // After the dialog's own focus handling, which runs as it goes.
      setTimeout(() => {
        const lost = document.activeElement === null || document.activeElement === document.body
        if (lost && element instanceof HTMLElement && element.isConnected) element.focus()
      })
    }
  }, [active])
}
