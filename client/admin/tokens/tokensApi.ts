import { request } from '../api'

/** The signed-in user's API tokens (README "Scripting access"). */

export type TokenStatus = 'active' | 'expired' | 'revoked'

export interface TokenSummary {
  id: number
  name: string
  createdAt: string
  expiresAt: string | null
  revokedAt: string | null
  lastUsedOn: string | null
  status: TokenStatus
}

export interface CreatedToken {
  id: number
  name: string
  /** Shown once: the server keeps only its hash. */
  token: string
  expiresAt: string | null
}

export const tokensApi = {
  list: () => request<{ tokens: TokenSummary[] }>('GET', '/api/admin/tokens'),
  create: (name: string, expiresInDays: number | undefined) =>
    request<CreatedToken>('POST', '/api/admin/tokens', { body: { name, expiresInDays } }),
  revoke: (id: number) => request<null>('DELETE', `/api/admin/tokens/${id}`),
}
