import { Component, type ReactNode } from 'react'
import { fill, useI18n } from './i18n'

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
        <PreviewFailed message={this.state.error.message} />
      </div>
    )
  }
}

// A class component cannot use the hook; this part can.
function PreviewFailed({ message }: { message: string }) {
  const { t } = useI18n()
  return <p>{fill(t.definitionText.previewFailed, { message })}</p>
}
