import { fill, useI18n } from '../i18n'
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
  const { t: all } = useI18n()
  const t = all.tokens
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
    announce(result.ok ? fill(t.revoked, { name: token.name }) : describeFailure(result))
    reload()
  }

  return (
    <main className="page">
      <PageHeading>{all.apiTokens}</PageHeading>
      <p>
        {t.intro1} <code>Authorization: Bearer &lt;token&gt;</code>
        {t.intro2} <a href="/api/docs">{t.apiReference}</a> {t.intro3}
      </p>
      <p ref={status} role="status" tabIndex={-1} className="notice-slot">
        {message}
      </p>
      {created ? (
        <NewTokenSecret
          created={created}
          onDone={() => {
            setCreated(null)
            announce(fill(t.ready, { name: created.name }))
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
      <h2>{t.yours}</h2>
      {state.kind === 'loading' && <p role="status">{all.loading}</p>}
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
