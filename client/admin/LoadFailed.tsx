import { useI18n } from './i18n'
import type { ApiFailure } from './api'
import { describeFailure } from './messages'

/** A failed load with the way out: try again. */
export function LoadFailed({ failure, onRetry }: { failure: ApiFailure; onRetry: () => void }) {
  const { t } = useI18n()
  return (
    <div className="error-box" role="alert">
      <p>{describeFailure(failure)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t.tryAgain}
      </button>
    </div>
  )
}
