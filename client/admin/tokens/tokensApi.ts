import type {
  CreatedToken,
  CreateTokenBody,
  TokenList,
} from '../../../server/accounts/contract.js'
import { request } from '../api'

/** The signed-in user's API tokens (README "Scripting access"). */

export type { CreatedToken, TokenSummary } from '../../../server/accounts/contract.js'

export const tokensApi = {
  list: () => request<TokenList>('GET', '/api/admin/tokens'),
  create: (name: string, expiresInDays: number | undefined) => {
    const body: CreateTokenBody = { name, expiresInDays }
    return request<CreatedToken>('POST', '/api/admin/tokens', { body })
  },
  revoke: (id: number) => request<null>('DELETE', `/api/admin/tokens/${id}`),
}
