import { useEffect, useRef } from 'react'
import { displayShortcut } from './commands'
import { screens } from './screens'
import { useStudio, useStudioStore } from './StudioContext'
import { tourTexts, useTourStore } from './tour'

/**
 * A short tour of the screens: each step opens its screen behind a small panel that says what it is for. Not modal,
 * so the screen stays readable; Escape, Skip or Done closes it for good (Help › Welcome Tour shows it again).
 */
export function GuidedTour() {
  const { navigation } = useStudio()
  const open = useTourStore((state) => state.open)
  const step = useTourStore((state) => state.step)
  const hasProject = useStudioStore(
    (s) => s.project,
    (state) => state.project !== null
  )
  const nextButton = useRef<HTMLButtonElement>(null)
  const steps = screens.filter((screen) => hasProject || !screen.needsProject)
  const current = steps[Math.min(step, steps.length - 1)]
  const last = step >= steps.length - 1

  useEffect(() => {
    if (!open || !current) return
    navigation.getState().open(current.id)
    nextButton.current?.focus()
  }, [open, current, navigation])

  if (!open || !current) return null
  const { goTo, dismiss } = useTourStore.getState()
  return (
    <section
      className="guided-tour"
      role="dialog"
      aria-modal="false"
      aria-labelledby="guided-tour-title"
      aria-describedby="guided-tour-text"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation()
          dismiss()
        }
      }}
    >
      <p className="guided-tour-progress">
        Welcome tour · {step + 1} of {steps.length}
      </p>
      <h2 id="guided-tour-title">{current.label}</h2>
      <p id="guided-tour-text">
        {tourTexts[current.id] ?? `The ${current.label} screen.`}{' '}
        <span className="muted">Open it any time with {displayShortcut(current.shortcut)}.</span>
      </p>
      {last && (
        <p>
          Every action is also in the command palette: {displayShortcut('Mod+Shift+P')}. Help › Welcome Tour shows this
          tour again.
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={dismiss}>
          Skip tour
        </button>
        <span className="guided-tour-spacer" />
        <button type="button" className="button" disabled={step === 0} onClick={() => goTo(step - 1)}>
          Back
        </button>
        <button
          ref={nextButton}
          type="button"
          className="button button-primary"
          onClick={() => (last ? dismiss() : goTo(step + 1))}
        >
          {last ? 'Done' : 'Next'}
        </button>
      </div>
    </section>
  )
}
