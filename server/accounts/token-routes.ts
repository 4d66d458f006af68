import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { Audit } from '../../db/queries/audit-log.js'
import type { Database } from '../../db/schema.js'
import type { ApiTokens } from './api-tokens.js'
import type { AuthEnv } from './middleware.js'
import { ApiError } from '../platform/errors.js'
import { jsonBody, paramsOf } from '../platform/contract/validation.js'
import { createToken, revokeToken } from './contract.js'
import { tokenListBody } from './token-list.js'

export interface AdminTokenDeps {
  db: Kysely<Database>
  tokens: ApiTokens
  clock: () => Date
  audit: Audit
}

const TOKEN_BODY_BYTES = 4096
const TOKEN_EXPECTED = 'The body must be {"name": "...", "expiresInDays"?: 90}.'

const tokenNotFound = () => new ApiError(404, 'token_not_found', 'You have no such token.')

/**
 * A signed-in user's own API tokens (both roles). Never reachable with a token: the bearer guard
 * does not allow-list these routes, so a token cannot make or revoke tokens.
 */
export const adminTokenRoutes = ({ db, tokens, clock, audit }: AdminTokenDeps) =>
  new Hono<AuthEnv>()
    .get('/', async (c) => {
      const list = await tokens.list(c.get('user').id)
      return c.json(tokenListBody(list, clock().toISOString()))
    })
    .post('/', jsonBody(createToken.body, TOKEN_EXPECTED, TOKEN_BODY_BYTES), async (c) => {
      const body = c.req.valid('json')
      const user = c.get('user')
      const created = await db.transaction().execute(async (trx) => {
        const made = await tokens.create(user.id, body, trx)
        // Never the token itself: only who made which token.
        const entry = { actor: user.username, target: made.name }
        const details = { id: made.id, expiresAt: made.expiresAt }
        await audit({ ...entry, action: 'token.create', details }, trx)
        return made
      })
      return c.json(created, 201)
    })
    .delete('/:id', paramsOf(revokeToken.params), async (c) => {
      const raw = c.req.valid('param').id
      if (!/^[1-9]\d{0,14}$/.test(raw)) throw tokenNotFound()
      const user = c.get('user')
      const id = Number(raw)
      const revoked = await db.transaction().execute(async (trx) => {
        const outcome = await tokens.revoke(user.id, id, trx)
        if (outcome && !outcome.alreadyRevoked) {
          const entry = { actor: user.username, target: outcome.name, details: { id } }
          await audit({ ...entry, action: 'token.revoke' }, trx)
        }
        return outcome
      })
      if (!revoked) throw tokenNotFound()
      return c.body(null, 204)
    })
