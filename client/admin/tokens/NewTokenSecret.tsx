import { useEffect, useRef } from 'react'
import { useClipboardCopy } from '../useClipboardCopy'
import type { CreatedToken } from './tokensApi'

/** The new token, this one time, with a copy button; focused so screen readers read the warning. */
export function NewTokenSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null)
  const { input, copy, copyText: copyToken } = useClipboardCopy(created.token)
  useEffect(() => heading.current?.focus(), [])

  return (
    <section className="token-secret" aria-labelledby="token-secret-heading">
      <h2 id="token-secret-heading" ref={heading} tabIndex={-1}>
        Copy your new token “{created.name}” now
      </h2>
      <p id="token-secret-warning">
        <strong>This is the only time it is shown.</strong> The server keeps only a fingerprint of
        it. Store it like a password (a password manager or an environment variable, never in a
        shared script). If you lose it, revoke it and make a new one.
      </p>
      <label htmlFor="token-value">Token</label>
      <div className="copy-link-row">
        <input
          id="token-value"
          ref={input}
          readOnly
          spellCheck={false}
          aria-describedby="token-secret-warning"
          value={created.token}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button" onClick={() => void copyToken()}>
          Copy token
        </button>
      </div>
      <p role="status" className="hint">
        {copy === 'copied' && 'Token copied to the clipboard.'}
        {copy === 'manual' &&
          'The browser did not allow copying: the token is selected, press Ctrl+C (⌘C on a Mac).'}
      </p>
      <p>
        <button type="button" className="button" onClick={onDone}>
          I have stored it
        </button>
      </p>
    </section>
  )
}
