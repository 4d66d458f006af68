import { useEffect, useRef, useState, type FormEvent } from 'react'
import type { SubmitFailure } from './api'
import { CodeInput } from './CodeInput'
import type { Strings } from './i18n'
import type { SendState } from './SurveyScreen'

const MESSAGE: Record<SubmitFailure['kind'] | 'retrying', keyof Strings> = {
  retrying: 'sendRetrying',
  unavailable: 'sendFailed',
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
const RETRIABLE = new Set<SendState['kind']>([
  'retrying',
  'offline',
  'unavailable',
  'failed',
  'rate-limited',
])
// The survey became invitation-only while answering, or the code was spent meanwhile: another
// code can be entered here, so the answers on the page are not lost.
const NEEDS_CODE = new Set<SendState['kind']>(['code-invalid', 'code-used'])

interface Props {
  state: SendState
  text: Strings
  onRetry: () => void
  onRetryWithCode: (code: string) => void
}

/** Sits right under the Complete button, where the respondent is looking. */
export function SubmitStatus({ state, text, onRetry, onRetryWithCode }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const retry = useRef<HTMLButtonElement>(null)
  const codeInput = useRef<HTMLInputElement>(null)
  const [code, setCode] = useState('')
  const failed = state.kind !== 'idle' && state.kind !== 'sending'
  useEffect(() => {
    if (!failed) return
    // Keyboard and screen-reader users land on the way out; everyone sees the message.
    box.current?.scrollIntoView({ block: 'nearest' })
    ;(retry.current ?? codeInput.current)?.focus({ preventScroll: true })
  }, [state, failed])
  const sendWithCode = (event: FormEvent) => {
    event.preventDefault()
    if (code.trim() !== '') onRetryWithCode(code.trim())
  }

  // Both live regions stay mounted so screen readers announce their changing content.
  return (
    <div className="submit-status" ref={box}>
      <p role="status" className="submit-sending">
        {state.kind === 'sending' ? text.sending : ''}
      </p>
      <div role="alert" className={failed ? 'submit-error' : undefined}>
        {failed && (
          <>
            <p>
              {state.kind === 'retrying' && state.failure.kind === 'offline'
                ? text.sendRetryingOffline
                : text[MESSAGE[state.kind]]}
            </p>
            {RETRIABLE.has(state.kind) && (
              <button ref={retry} type="button" className="button-primary" onClick={onRetry}>
                {text.retry}
              </button>
            )}
          </>
        )}
      </div>
      {NEEDS_CODE.has(state.kind) && (
        <form className="submit-code" onSubmit={sendWithCode} noValidate>
          <label htmlFor="submit-invitation-code">{text.codeLabel}</label>
          <p id="submit-invitation-code-hint" className="code-hint">
            {text.codeHint}
          </p>
          <CodeInput
            id="submit-invitation-code"
            inputRef={codeInput}
            value={code}
            onChange={setCode}
            describedBy="submit-invitation-code-hint"
          />
          <button type="submit" className="button-primary">
            {text.sendWithCode}
          </button>
        </form>
      )}
    </div>
  )
}
