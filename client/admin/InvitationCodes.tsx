import { useEffect, useState, type FormEvent } from 'react'
import type { SurveyStatus } from './api'
import { ConfirmDialog } from './ConfirmDialog'
import './invitations.css'
import { download, invitations, type Access } from './invitationsApi'
import { LoadFailed } from './LoadFailed'
import { fill, useI18n } from './i18n'
import { InvitationLinkFormat } from './InvitationLinkFormat'
import { describeFailure } from './messages'
import { useLoad } from './useLoad'

const MAX_CODES = 10_000

interface Props {
  slug: string
  /** For the confirmation's question; the slug when the questionnaire has no title. */
  title: string
  status: SurveyStatus
  /** The server's PUBLIC_URL, for the link format; unset, the page's own address. */
  publicUrl?: string
  /** After access was saved, so the rest of the page can say who can answer. */
  onAccessChanged: () => void
}

/** Admins: who may answer (public or invitation only) and the one-time invitation codes. */
export function InvitationCodes({ slug, title, status, publicUrl, onAccessChanged }: Props) {
  const messages = useI18n().t
  const { invitations: t } = messages
  const { state, reload } = useLoad(() => invitations.counts(slug), slug)
  const [access, setAccess] = useState<Access>('public')
  const [count, setCount] = useState('100')
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState('')
  const [error, setError] = useState('')
  const [confirming, setConfirming] = useState(false)
  const loaded = state.kind === 'ok' ? state.data : null
  useEffect(() => {
    if (loaded) setAccess(loaded.access)
  }, [loaded?.access])

  if (state.kind === 'loading') return <p role="status">{t.loading}</p>
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
    // An open survey's link is already out: closing it to codes must be a decision, not a slip.
    if (access === 'invitation' && status === 'open') return setConfirming(true)
    storeAccess()
  }

  const storeAccess = () => {
    setConfirming(false)
    void run(async () => {
      const result = await invitations.setAccess(slug, access)
      if (!result.ok) return describeFailure(result)
      setNotice(access === 'invitation' ? t.savedInvitation : t.savedPublic)
      onAccessChanged()
      return null
    })
  }

  const amount = Number(count)
  const countValid = Number.isInteger(amount) && amount >= 1 && amount <= MAX_CODES
  const generate = (event: FormEvent) => {
    event.preventDefault()
    if (!countValid) return setError(fill(t.countRule, { max: MAX_CODES }))
    void run(async () => {
      const result = await invitations.generate(slug, amount)
      if (!result.ok) return describeFailure(result)
      download(result.data, `${slug}-invitation-codes.csv`)
      const codes = `${amount} ${amount === 1 ? t.newCode : t.newCodes}`
      setNotice(fill(t.downloaded, { n: codes }))
      return null
    })
  }

  const choices: { value: Access; label: string; hint: string }[] = [
    { value: 'public', label: t.public, hint: t.publicHint },
    { value: 'invitation', label: t.invitation, hint: t.invitationHint },
  ]
  const [usedBefore, usedAfter] = t.used.split('{used}')
  const [totalBefore, totalAfter] = usedAfter.split('{total}')

  return (
    <section className="invitations" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t.title}</h2>
      <form onSubmit={saveAccess}>
        <fieldset disabled={closed || busy}>
          <legend>{t.access}</legend>
          {choices.map((choice) => (
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
            {t.saveAccess}
          </button>
        </fieldset>
      </form>

      <p>
        {usedBefore}
        <strong>{loaded?.used}</strong>
        {totalBefore}
        <strong>{loaded?.total}</strong>
        {totalAfter}
      </p>
      <InvitationLinkFormat slug={slug} publicUrl={publicUrl} />
      {!closed && (
        <form onSubmit={generate} noValidate className="generate-codes">
          <label htmlFor="code-count">{t.count}</label>
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
              {t.generate}
            </button>
          </div>
          <p id="code-count-hint" className="hint">
            {fill(t.countHint, { max: MAX_CODES })}
          </p>
        </form>
      )}
      <p role="status" className={notice ? 'notice' : undefined}>
        {notice}
      </p>
      <div role="alert" className={error ? 'error-box' : undefined}>
        {error}
      </div>
      {confirming && (
        <ConfirmDialog
          id="invitation-dialog"
          title={fill(messages.invitationConfirm.title, { title })}
          confirmLabel={messages.invitationConfirm.confirm}
          onConfirm={storeAccess}
          onCancel={() => setConfirming(false)}
        >
          <p>{messages.invitationConfirm.body}</p>
          <p>{messages.invitationConfirm.kept}</p>
        </ConfirmDialog>
      )}
    </section>
  )
}

