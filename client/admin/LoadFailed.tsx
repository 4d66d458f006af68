import type { ApiFailure } from './api'
import { describeFailure } from './messages'

/** A failed load with the way out: try again. */
export function LoadFailed({ failure, onRetry }: { failure: ApiFailure; onRetry: () => void }) {
  return (
    <div className="error-box" role="alert">
      <p>{describeFailure(failure)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  )
}
