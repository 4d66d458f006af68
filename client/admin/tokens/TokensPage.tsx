import { useRef, useState } from 'react'
import { LoadFailed } from '../LoadFailed'
import { describeFailure } from '../messages'
import { PageHeading } from '../PageHeading'
import { useLoad } from '../useLoad'
import { NewTokenForm } from './NewTokenForm'
import { NewTokenSecret } from './NewTokenSecret'
import { RevokeDialog } from './RevokeDialog'
import { TokenTable } from './TokenTable'
import { tokensApi, type CreatedToken, type TokenSummary } from './tokensApi'
import './tokens.css'

/** Personal API tokens for R, Python and other scripts: read-only results and exports. */
export default function TokensPage() {
  const { state, reload } = useLoad(tokensApi.list, 'tokens')
  const [created, setCreated] = useState<CreatedToken | null>(null)
  const [revoking, setRevoking] = useState<TokenSummary | null>(null)
  const [message, setMessage] = useState('')
  const status = useRef<HTMLParagraphElement>(null)

  // After the dialog or the one-time token panel goes away, focus lands on what happened.
  const announce = (text: string) => {
    setMessage(text)
    requestAnimationFrame(() => status.current?.focus())
  }

  const revoke = async (token: TokenSummary) => {
    setRevoking(null)
    const result = await tokensApi.revoke(token.id)
    announce(result.ok ? `Token “${token.name}” revoked.` : describeFailure(result))
    reload()
  }

  return (
    <main className="page">
      <PageHeading>API tokens</PageHeading>
      <p>
        A token lets your scripts (R, Python, curl) read results, exports and codebooks with your
        role, by sending <code>Authorization: Bearer &lt;token&gt;</code>. It cannot publish, close
        or change anything, and cannot make other tokens. See the{' '}
        <a href="/api/docs">API reference</a> and the README’s “Scripting access” examples.
      </p>
      <p ref={status} role="status" tabIndex={-1} className="notice-slot">
        {message}
      </p>
      {created ? (
        <NewTokenSecret
          created={created}
          onDone={() => {
            setCreated(null)
            announce(`Token “${created.name}” is ready to use.`)
          }}
        />
      ) : (
        <NewTokenForm
          onCreated={(token) => {
            setMessage('')
            setCreated(token)
            reload()
          }}
        />
      )}
      <h2>Your tokens</h2>
      {state.kind === 'loading' && <p role="status">Loading…</p>}
      {state.kind === 'failed' && <LoadFailed failure={state.failure} onRetry={reload} />}
      {state.kind === 'ok' && <TokenTable tokens={state.data.tokens} onRevoke={setRevoking} />}
      {revoking && (
        <RevokeDialog
          name={revoking.name}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => setRevoking(null)}
        />
      )}
    </main>
  )
}
