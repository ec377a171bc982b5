import { Check, X } from 'lucide-react'
import { useStudio, useStudioStore } from '../../app/StudioContext'
import { transformLabels } from '../../../shared/model/transformLabels'

/** The engine's ranked suggestions, each accepted (it becomes the attribute's rule) or rejected. */
export function SuggestionsPanel({ readOnly }: { readOnly: boolean }) {
  const { mapping } = useStudio()
  const suggestions = useStudioStore(
    (s) => s.mapping,
    (state) => state.suggestions
  )
  if (suggestions === null) return null
  return (
    <section className="suggestions" aria-label="Suggested mappings">
      <header className="rule-editor-header">
        <h3>Suggested mappings</h3>
        <button type="button" className="link-button" onClick={() => mapping.getState().closeSuggestions()}>
          Close
        </button>
      </header>
      {suggestions.length === 0 ? (
        <p className="muted">No more suggestions: every attribute the captures can feed is mapped or answered.</p>
      ) : (
        <ul className="suggestion-list">
          {suggestions.map((suggestion) => {
            const name = `${suggestion.path} to ${suggestion.rule.target}`
            return (
              <li key={name} className="suggestion" aria-label={`Suggestion ${name}`}>
                <div>
                  <span className="mono">{suggestion.path}</span> →{' '}
                  <span className="mono">{suggestion.rule.target}</span>{' '}
                  <span className="chip">{Math.round(suggestion.score * 100)}%</span>
                  <div className="muted small">{suggestion.reasons.join('; ')}</div>
                  {suggestion.rule.transforms.length > 0 && (
                    <div className="muted small">
                      with {suggestion.rule.transforms.map((step) => transformLabels[step.kind]).join(' → ')}
                    </div>
                  )}
                </div>
                <span className="suggestion-actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Accept ${name}`}
                    disabled={readOnly}
                    onClick={() => mapping.getState().acceptSuggestion(suggestion)}
                  >
                    <Check size={15} />
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Reject ${name}`}
                    onClick={() => mapping.getState().rejectSuggestion(suggestion)}
                  >
                    <X size={15} />
                  </button>
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
