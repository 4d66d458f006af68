import { useState, type FormEvent } from 'react'
import { describeFailure } from '../messages'
import { ServerErrors, type Problem } from '../ServerErrors'
import { tokensApi, type CreatedToken } from './tokensApi'

// Days; '' never expires. A shorter life limits the harm of a leaked token.
const EXPIRY_CHOICES = [
  ['30', '30 days'],
  ['90', '90 days'],
  ['365', '1 year'],
  ['', 'Never'],
] as const

export function NewTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
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
      <h2 id="new-token-heading">New token</h2>
      <label htmlFor="token-name">Name</label>
      <p id="token-name-hint" className="hint">
        What it is for, so you know which one to revoke, e.g. “R on my laptop”.
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
      <label htmlFor="token-expiry">Expires after</label>
      <select id="token-expiry" value={expiry} onChange={(event) => setExpiry(event.target.value)}>
        {EXPIRY_CHOICES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <ServerErrors problem={problem} />
      <p>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create token'}
        </button>
      </p>
    </form>
  )
}
