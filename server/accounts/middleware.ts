import type { MiddlewareHandler } from 'hono'
import type { UserRole } from '../../db/schema.js'
import { ApiError } from '../platform/errors.js'
import { readSessionCookie } from './cookie.js'
import type { Sessions, SessionUser } from './sessions.js'

/** For routes behind requireUser: `new Hono<AuthEnv>()` gives handlers `c.get('user')`. */
export type AuthEnv = { Variables: { user: SessionUser } }

const unauthorized = () => new ApiError(401, 'unauthorized', 'Sign in to continue.')

/** 401 `unauthorized` without a valid session; otherwise sets `user` for the handlers. */
export const requireUser = (sessions: Sessions): MiddlewareHandler<AuthEnv> =>
  async function requireUser(c, next) {
    const user = await sessions.resolve(readSessionCookie(c))
    if (!user) throw unauthorized()
    c.set('user', user)
    await next()
  }

/**
 * 403 `forbidden` unless the signed-in user has the role; admins may do everything, so they
 * always pass. Mount after requireUser.
 */
export const requireRole = (role: UserRole): MiddlewareHandler<AuthEnv> =>
  async function requireRole(c, next) {
    const user = c.get('user') as SessionUser | undefined
    if (!user) throw unauthorized()
    if (user.role !== role && user.role !== 'admin') {
      throw new ApiError(403, 'forbidden', 'Your role may not do this.')
    }
    await next()
  }
