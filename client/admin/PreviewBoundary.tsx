import { Component, type ReactNode } from 'react'

interface Props {
  /** A new value (a new definition) clears the failure and tries again. */
  resetKey: unknown
  children: ReactNode
}

interface State {
  error: Error | null
  key: unknown
}

/** SurveyJS may throw while rendering an odd definition; the editor around it must survive. */
export class PreviewBoundary extends Component<Props, State> {
  state: State = { error: null, key: this.props.resetKey }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey }
  }

  render() {
    if (!this.state.error) return this.props.children
    return (
      <div className="error-box" role="alert">
        <p>The preview cannot show this questionnaire: {this.state.error.message}</p>
      </div>
    )
  }
}
