import { useEffect, useState, type FormEvent } from 'react'
import type { SurveyStatus } from './api'
import './invitations.css'
import { download, invitations, type Access } from './invitationsApi'
import { LoadFailed } from './LoadFailed'
import { describeFailure, plural } from './messages'
import { useLoad } from './useLoad'

const MAX_CODES = 10_000

const ACCESS_CHOICES: { value: Access; label: string; hint: string }[] = [
  { value: 'public', label: 'Anyone with the link', hint: 'No code is asked for.' },
  {
    value: 'invitation',
    label: 'Invitation only',
    hint: 'Each response needs a one-time code. Codes are never stored with the answers.',
  },
]

interface Props {
  slug: string
  status: SurveyStatus
  /** After access was saved, so the rest of the page can say who can answer. */
  onAccessChanged: () => void
}

/** Admins: who may answer (public or invitation only) and the one-time invitation codes. */
export function InvitationCodes({ slug, status, onAccessChanged }: Props) {
  const { state, reload } = useLoad(() => invitations.counts(slug), slug)
  const [access, setAccess] = useState<Access>('public')
  const [count, setCount] = useState('100')
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState('')
  const [error, setError] = useState('')
  const loaded = state.kind === 'ok' ? state.data : null
  useEffect(() => {
    if (loaded) setAccess(loaded.access)
  }, [loaded?.access])

  if (state.kind === 'loading') return <p role="status">Loading invitation codes…</p>
  if (state.kind === 'failed') return <LoadFailed failure={state.failure} onRetry={reload} />
  const closed = status === 'closed'

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true)
    setNotice('')
    setError('')
    const failed = await work()
    setBusy(false)
    if (failed) setError(failed)
    reload()
  }

  const saveAccess = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      const result = await invitations.setAccess(slug, access)
      if (!result.ok) return describeFailure(result)
      const now = access === 'invitation' ? 'invitation only' : 'open to anyone with the link'
      setNotice(`Saved: the survey is now ${now}.`)
      onAccessChanged()
      return null
    })
  }

  const amount = Number(count)
  const countValid = Number.isInteger(amount) && amount >= 1 && amount <= MAX_CODES
  const generate = (event: FormEvent) => {
    event.preventDefault()
    if (!countValid) return setError(`Choose a whole number from 1 to ${MAX_CODES}.`)
    void run(async () => {
      const result = await invitations.generate(slug, amount)
      if (!result.ok) return describeFailure(result)
      download(result.data, `${slug}-invitation-codes.csv`)
      setNotice(`${plural(amount, 'new code')} downloaded. They are not shown again.`)
      return null
    })
  }

  return (
    <section className="invitations" aria-labelledby="invitations-title">
      <h2 id="invitations-title">Who can answer</h2>
      <form onSubmit={saveAccess}>
        <fieldset disabled={closed || busy}>
          <legend>Access</legend>
          {ACCESS_CHOICES.map((choice) => (
            <div className="access-choice" key={choice.value}>
              <input
                type="radio"
                id={`access-${choice.value}`}
                name="access"
                value={choice.value}
                checked={access === choice.value}
                onChange={() => setAccess(choice.value)}
                aria-describedby={`access-${choice.value}-hint`}
              />
              <label htmlFor={`access-${choice.value}`}>{choice.label}</label>
              <p id={`access-${choice.value}-hint`} className="hint">
                {choice.hint}
              </p>
            </div>
          ))}
          <button type="submit" className="button" disabled={access === loaded?.access}>
            Save access
          </button>
        </fieldset>
      </form>

      <p>
        Invitation codes: <strong>{loaded?.used}</strong> of <strong>{loaded?.total}</strong> used
      </p>
      {!closed && (
        <form onSubmit={generate} noValidate className="generate-codes">
          <label htmlFor="code-count">Number of new codes</label>
          <div className="generate-row">
            <input
              id="code-count"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_CODES}
              value={count}
              onChange={(event) => setCount(event.target.value)}
              aria-invalid={!countValid}
              aria-describedby="code-count-hint"
            />
            <button type="submit" className="button button-primary" disabled={busy}>
              Generate and download
            </button>
          </div>
          <p id="code-count-hint" className="hint">
            Up to {MAX_CODES} at a time, as a CSV file (one code per line, with a ready-made link
            when the server’s public address is set). Each code works once. The codes exist only
            in this file: keep it safe and delete it once the invitations are sent.
          </p>
        </form>
      )}
      <p role="status" className={notice ? 'notice' : undefined}>
        {notice}
      </p>
      <div role="alert" className={error ? 'error-box' : undefined}>
        {error}
      </div>
    </section>
  )
}
