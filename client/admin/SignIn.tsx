import { useEffect, useRef, useState, type FormEvent } from 'react'
import { api, type ApiFailure, type User } from './api'
import { currentMessages, fill, LanguagePicker, useI18n } from './i18n'
import { describeFailure, waitTime } from './messages'

interface Props {
  /** Why the form is shown again (session ended, signed out). */
  notice: string | null
  /** Who was signed in before the session ended: they are the likely one to sign in again. */
  lastUsername?: string
  onSignedIn: (user: User) => void
}

function signInError(failure: ApiFailure, wrong: string): string {
  if (failure.code === 'invalid_credentials') return wrong
  if (failure.status === 429) {
    const t = currentMessages().failures
    if (!failure.retryAfter) return t.tooManySignInsLater
    return fill(t.tooManySignIns, { wait: waitTime(failure.retryAfter) })
  }
  return describeFailure(failure)
}

export function SignIn({ notice, lastUsername = '', onSignedIn }: Props) {
  const { t } = useI18n()
  const [username, setUsername] = useState(lastUsername)
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const passwordInput = useRef<HTMLInputElement>(null)
  useEffect(() => heading.current?.focus(), [])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const result = await api.login(username.trim(), password)
    setBusy(false)
    if (result.ok) return onSignedIn(result.data.user)
    setError(signInError(result, t.wrongPassword))
    setPassword('')
    passwordInput.current?.focus()
  }

  return (
    <main className="page sign-in">
      <LanguagePicker />
      <h1 ref={heading} tabIndex={-1}>
        {t.signInTitle}
      </h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor="username">{t.username}</label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <label htmlFor="password">{t.password}</label>
        <input
          id="password"
          ref={passwordInput}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div role="alert" className={error ? 'error-box' : undefined}>
          {error}
        </div>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </main>
  )
}
