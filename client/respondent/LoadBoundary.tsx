import { Component, type ReactNode } from 'react'

interface Props {
  /** Rendered instead of the children after they failed; gets a retry that reloads the page. */
  fallback: (retry: () => void) => ReactNode
  children: ReactNode
}

/**
 * Catches a failed download of the lazily loaded survey code. `lazy()` remembers the failure,
 * so retrying means reloading the page (nothing has been answered yet at that point).
 */
export class LoadBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  render() {
    return this.state.failed ? this.props.fallback(() => location.reload()) : this.props.children
  }
}
