import { useI18n } from '../i18n'
import { useState, type FormEvent } from 'react'
import { describeFailure } from '../messages'
import { ServerErrors, type Problem } from '../ServerErrors'
import { tokensApi, type CreatedToken } from './tokensApi'

// Days; '' never expires. A shorter life limits the harm of a leaked token.
const EXPIRY_CHOICES = [
  ['30', 'days30'],
  ['90', 'days90'],
  ['365', 'year'],
  ['', 'never'],
] as const

export function NewTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const { tokens: t } = useI18n().t
  const [name, setName] = useState('')
  const [expiry, setExpiry] = useState('90')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setProblem(null)
    const result = await tokensApi.create(name.trim(), expiry === '' ? undefined : Number(expiry))
    setBusy(false)
    if (!result.ok) {
      setProblem({ message: describeFailure(result), details: result.details })
      return
    }
    setName('')
    onCreated(result.data)
  }

  return (
    <form onSubmit={submit} className="token-form" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">{t.newToken}</h2>
      <label htmlFor="token-name">{t.name}</label>
      <p id="token-name-hint" className="hint">
        {t.nameHint}
      </p>
      <input
        id="token-name"
        aria-describedby="token-name-hint"
        required
        maxLength={100}
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <label htmlFor="token-expiry">{t.expiresAfter}</label>
      <select id="token-expiry" value={expiry} onChange={(event) => setExpiry(event.target.value)}>
        {EXPIRY_CHOICES.map(([value, label]) => (
          <option key={value} value={value}>
            {t[label]}
          </option>
        ))}
      </select>
      <ServerErrors problem={problem} />
      <p>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t.creating : t.create}
        </button>
      </p>
    </form>
  )
}
