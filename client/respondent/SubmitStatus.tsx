import { useEffect, useRef } from 'react'
import type { SubmitFailure } from './api'
import type { Strings } from './i18n'
import type { SendState } from './SurveyScreen'

const MESSAGE: Record<SubmitFailure['kind'], keyof Strings> = {
  invalid: 'sendInvalid',
  closed: 'sendClosed',
  'too-large': 'sendTooLarge',
  'rate-limited': 'sendRateLimited',
  'code-used': 'sendCodeUsed',
  'code-invalid': 'sendCodeInvalid',
  offline: 'sendOffline',
  failed: 'sendFailed',
}

// Rejected answers are fixed in the form and resent with Complete; a closed survey is final.
const RETRIABLE = new Set<SubmitFailure['kind']>(['offline', 'failed', 'rate-limited'])

interface Props {
  state: SendState
  text: Strings
  onRetry: () => void
}

/** Sits right under the Complete button, where the respondent is looking. */
export function SubmitStatus({ state, text, onRetry }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const retry = useRef<HTMLButtonElement>(null)
  const failed = state.kind !== 'idle' && state.kind !== 'sending'
  useEffect(() => {
    if (!failed) return
    // Keyboard and screen-reader users land on the way out; everyone sees the message.
    box.current?.scrollIntoView({ block: 'nearest' })
    retry.current?.focus({ preventScroll: true })
  }, [state, failed])

  // Both live regions stay mounted so screen readers announce their changing content.
  return (
    <div className="submit-status" ref={box}>
      <p role="status" className="submit-sending">
        {state.kind === 'sending' ? text.sending : ''}
      </p>
      <div role="alert" className={failed ? 'submit-error' : undefined}>
        {failed && (
          <>
            <p>{text[MESSAGE[state.kind]]}</p>
            {RETRIABLE.has(state.kind) && (
              <button ref={retry} type="button" className="button-primary" onClick={onRetry}>
                {text.retry}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  )
}
