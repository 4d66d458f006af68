import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { ApiError } from '../platform/errors.js'
import type { ApiTokens } from './api-tokens.js'
import { requireUser, type AuthEnv } from './middleware.js'
import type { Sessions } from './sessions.js'

export interface BearerOptions {
  sessions: Sessions
  tokens: ApiTokens
  /** `GET /api/admin/...` route patterns an API token may read (from server/openapi/). */
  tokenRoutes: ReadonlySet<string>
}

const BEARER = /^Bearer +(\S+)$/i

/**
 * Runs a cross-site guard only for requests without an `Authorization` header. Such a header is
 * never sent by a browser on its own (cross-site it needs a CORS preflight, never approved here),
 * and requireUserOrToken then ignores cookies, so there is no ambient credential to protect.
 */
export const unlessBearer =
  (guard: MiddlewareHandler): MiddlewareHandler =>
  (c, next) =>
    c.req.header('authorization') === undefined ? guard(c, next) : next()

/**
 * True only for a safe request whose every matching route is allow-listed. Route patterns are
 * compared, not the raw path, so encoded or doubled slashes cannot reach another handler.
 */
function tokenMayRead(c: Context, tokenRoutes: ReadonlySet<string>): boolean {
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return false
  const endpoints = matchedRoutes(c).filter((route) => route.method !== 'ALL')
  return (
    endpoints.length > 0 &&
    endpoints.every((route) => tokenRoutes.has(`${route.method} ${route.path}`))
  )
}

/**
 * requireUser, plus `Authorization: Bearer <API token>` for scripts. A request with that header
 * is judged by the token alone (cookies are ignored, so it stays stateless): 401 `unauthorized`
 * for a malformed header or an unknown, expired or revoked token; 403 `token_not_allowed` for
 * anything but reading results and exports. The token acts with its owner's current role.
 */
export const requireUserOrToken = ({
  sessions,
  tokens,
  tokenRoutes,
}: BearerOptions): MiddlewareHandler<AuthEnv> => {
  const sessionOnly = requireUser(sessions)
  return async function requireUserOrToken(c, next) {
    const header = c.req.header('authorization')
    if (header === undefined) return sessionOnly(c, next)
    const token = BEARER.exec(header.trim())?.[1]
    const resolved = token === undefined ? undefined : await tokens.resolve(token)
    if (!resolved) {
      c.header('WWW-Authenticate', 'Bearer')
      throw new ApiError(401, 'unauthorized', 'The API token is malformed, unknown, expired or revoked.')
    }
    if (!tokenMayRead(c, tokenRoutes)) {
      throw new ApiError(
        403,
        'token_not_allowed',
        'API tokens may only read results and exports; sign in to do anything else.',
      )
    }
    await resolved.noteUse()
    c.set('user', resolved.user)
    await next()
  }
}
