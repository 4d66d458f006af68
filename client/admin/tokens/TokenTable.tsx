import { fill, useI18n } from '../i18n'
import type { TokenSummary } from './tokensApi'

// The day only: enough to tell tokens apart, and the same for everyone whatever their locale.
const day = (iso: string | null, none: string) => (iso === null ? none : iso.slice(0, 10))

interface Props {
  tokens: TokenSummary[]
  onRevoke: (token: TokenSummary) => void
}

export function TokenTable({ tokens, onRevoke }: Props) {
  const { tokens: t } = useI18n().t
  if (tokens.length === 0) return <p>{t.none}</p>
  return (
    <div className="table-scroll">
      <table className="survey-table">
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.created}</th>
            <th scope="col">{t.expires}</th>
            <th scope="col">{t.lastUsed}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">
              <span className="visually-hidden">{t.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} data-token-id={token.id}>
              <th scope="row">{token.name}</th>
              <td>{day(token.createdAt, '')}</td>
              <td>{day(token.expiresAt, t.never)}</td>
              <td>{day(token.lastUsedOn, t.notYet)}</td>
              <td>{t.statusNames[token.status]}</td>
              <td>
                {token.status === 'active' && (
                  <button
                    type="button"
                    className="button button-danger"
                    aria-label={fill(t.revokeName, { name: token.name })}
                    onClick={() => onRevoke(token)}
                  >
                    {t.revoke}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
