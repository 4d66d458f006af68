import { Hono } from 'hono'
import type { Audit } from '../../db/queries/audit-log.js'
import type { ApiTokens } from '../auth/api-tokens.js'
import type { AuthEnv } from '../auth/middleware.js'
import { tokenStatus } from '../domain/token-status.js'
import { ApiError } from '../errors.js'
import { limitBody, readJsonBody, requireJson } from '../json-body.js'
import { createTokenSchema } from './schemas/api-tokens.js'

export interface AdminTokenDeps {
  tokens: ApiTokens
  clock: () => Date
  audit: Audit
}

const TOKEN_BODY_BYTES = 4096

const tokenNotFound = () => new ApiError(404, 'token_not_found', 'You have no such token.')

/**
 * A signed-in user's own API tokens (both roles). Never reachable with a token: the bearer guard
 * does not allow-list these routes, so a token cannot make or revoke tokens.
 */
export const adminTokenRoutes = ({ tokens, clock, audit }: AdminTokenDeps) =>
  new Hono<AuthEnv>()
    .get('/', async (c) => {
      const now = clock().toISOString()
      const list = await tokens.list(c.get('user').id)
      return c.json({
        tokens: list.map((token) => ({ ...token, status: tokenStatus(token, now) })),
      })
    })
    .post('/', requireJson, limitBody(TOKEN_BODY_BYTES), async (c) => {
      const body = await readJsonBody(
        c,
        createTokenSchema,
        'The body must be {"name": "...", "expiresInDays"?: 90}.',
      )
      const user = c.get('user')
      const created = await tokens.create(user.id, body)
      // Never the token itself: only who made which token.
      await audit({
        actor: user.username,
        action: 'token.create',
        target: created.name,
        details: { id: created.id, expiresAt: created.expiresAt },
      })
      return c.json(created, 201)
    })
    .delete('/:id', async (c) => {
      const raw = c.req.param('id')
      if (!/^[1-9]\d{0,14}$/.test(raw)) throw tokenNotFound()
      const user = c.get('user')
      const revoked = await tokens.revoke(user.id, Number(raw))
      if (!revoked) throw tokenNotFound()
      if (!revoked.alreadyRevoked) {
        await audit({
          actor: user.username,
          action: 'token.revoke',
          target: revoked.name,
          details: { id: Number(raw) },
        })
      }
      return c.body(null, 204)
    })
