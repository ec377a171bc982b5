import { Component, type ErrorInfo, type ReactNode } from 'react'
import { UnexpectedErrorPanel } from './UnexpectedErrorPanel'

interface ErrorBoundaryState {
  error: Error | null
}

/**
 * Catches a render error anywhere below it and shows what happened with the diagnostics and a way out, instead of
 * React unmounting everything into a blank window.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null }

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('The studio hit an unexpected error while drawing', error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children
    return (
      <div className="unexpected-error-screen">
        <UnexpectedErrorPanel error={this.state.error} onDismiss={() => this.setState({ error: null })} />
      </div>
    )
  }
}
