import { fill, useI18n } from '../i18n'
import { useEffect, useRef } from 'react'
import { useClipboardCopy } from '../useClipboardCopy'
import type { CreatedToken } from './tokensApi'

/** The new token, this one time, with a copy button; focused so screen readers read the warning. */
export function NewTokenSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const { tokens: t } = useI18n().t
  const heading = useRef<HTMLHeadingElement>(null)
  const { input, copy, copyText: copyToken } = useClipboardCopy(created.token)
  useEffect(() => heading.current?.focus(), [])

  return (
    <section className="token-secret" aria-labelledby="token-secret-heading">
      <h2 id="token-secret-heading" ref={heading} tabIndex={-1}>
        {fill(t.copyNow, { name: created.name })}
      </h2>
      <p id="token-secret-warning">
        <strong>{t.onlyTime}</strong> {t.onlyTimeBody}
      </p>
      <label htmlFor="token-value">{t.token}</label>
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
          {t.copy}
        </button>
      </div>
      <p role="status" className="hint">
        {copy === 'copied' && t.copied}
        {copy === 'manual' && t.copyManually}
      </p>
      <p>
        <button type="button" className="button" onClick={onDone}>
          {t.stored}
        </button>
      </p>
    </section>
  )
}
