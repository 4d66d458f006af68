import type { TokenStatus, TokenSummary } from './tokensApi'

const STATUS_TEXT: Record<TokenStatus, string> = {
  active: 'Active',
  expired: 'Expired',
  revoked: 'Revoked',
}

// The day only: enough to tell tokens apart, and the same for everyone whatever their locale.
const day = (iso: string | null, none: string) => (iso === null ? none : iso.slice(0, 10))

interface Props {
  tokens: TokenSummary[]
  onRevoke: (token: TokenSummary) => void
}

export function TokenTable({ tokens, onRevoke }: Props) {
  if (tokens.length === 0) return <p>You have no API tokens yet.</p>
  return (
    <div className="table-scroll">
      <table className="survey-table">
        <caption className="visually-hidden">Your API tokens, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} data-token-id={token.id}>
              <th scope="row">{token.name}</th>
              <td>{day(token.createdAt, '')}</td>
              <td>{day(token.expiresAt, 'Never')}</td>
              <td>{day(token.lastUsedOn, 'Not yet')}</td>
              <td>{STATUS_TEXT[token.status]}</td>
              <td>
                {token.status === 'active' && (
                  <button
                    type="button"
                    className="button button-danger"
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => onRevoke(token)}
                  >
                    Revoke
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
