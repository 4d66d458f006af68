import { Hono, type MiddlewareHandler } from 'hono'
import type { Kysely } from 'kysely'
import type { Audit } from '../../db/queries/audit-log.js'
import { findUserByUsername } from '../../db/queries/users.js'
import type { Database } from '../../db/schema.js'
import { normalizeUsername, USERNAME_PATTERN } from './accounts.js'
import type { ApiTokens } from './api-tokens.js'
import type { AuthEnv } from './middleware.js'
import { ApiError } from '../platform/errors.js'
import { paramsOf } from '../platform/contract/validation.js'
import { listUserTokens, revokeUserToken } from './contract.js'
import { tokenListBody } from './token-list.js'

export interface AdminUserTokenDeps {
  db: Kysely<Database>
  tokens: ApiTokens
  clock: () => Date
  audit: Audit
  requireAdmin: MiddlewareHandler<AuthEnv>
}

const userNotFound = () => new ApiError(404, 'user_not_found', 'There is no such user.')
const tokenNotFound = () => new ApiError(404, 'token_not_found', 'The user has no such token.')

/**
 * Admins see and revoke anyone's API tokens (a leaked token, a person who left). Session only:
 * these routes are not allow-listed for tokens, so a token cannot revoke tokens.
 */
export const adminUserTokenRoutes = (deps: AdminUserTokenDeps) => {
  const { db, tokens, clock, audit, requireAdmin } = deps
  const owner = async (raw: string) => {
    const username = normalizeUsername(raw)
    if (!USERNAME_PATTERN.test(username)) throw userNotFound()
    const user = await findUserByUsername(db, username)
    if (!user) throw userNotFound()
    return user
  }
  return new Hono<AuthEnv>()
    .get('/:username/tokens', requireAdmin, paramsOf(listUserTokens.params), async (c) => {
      const user = await owner(c.req.valid('param').username)
      const list = await tokens.list(user.id)
      return c.json(tokenListBody(list, clock().toISOString()))
    })
    .delete('/:username/tokens/:id', requireAdmin, paramsOf(revokeUserToken.params), async (c) => {
      const params = c.req.valid('param')
      const user = await owner(params.username)
      const raw = params.id
      if (!/^[1-9]\d{0,14}$/.test(raw)) throw tokenNotFound()
      const id = Number(raw)
      const actor = c.get('user').username
      const revoked = await db.transaction().execute(async (trx) => {
        const outcome = await tokens.revoke(user.id, id, trx)
        if (outcome && !outcome.alreadyRevoked) {
          const details = { id, owner: user.username }
          await audit({ actor, action: 'token.revoke', target: outcome.name, details }, trx)
        }
        return outcome
      })
      if (!revoked) throw tokenNotFound()
      return c.body(null, 204)
    })
}
