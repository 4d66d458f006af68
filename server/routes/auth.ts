import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { findUserByUsername } from '../../db/queries/users.js'
import type { Database } from '../../db/schema.js'
import { MAX_PASSWORD_LENGTH, normalizeUsername } from '../auth/accounts.js'
import { clientKey } from '../auth/client-key.js'
import {
  clearSessionCookie,
  readSessionCookie,
  setSessionCookie,
  type CookiePolicy,
} from '../auth/cookie.js'
import type { LoginThrottle } from '../auth/login-throttle.js'
import { requireUser, type AuthEnv } from '../auth/middleware.js'
import { dummyHash, verifyPassword } from '../auth/password.js'
import type { Sessions, SessionUser } from '../auth/sessions.js'
import { ApiError } from '../errors.js'
import { limitBody, readJsonBody, requireJson } from '../json-body.js'

export interface AuthRouteDeps extends CookiePolicy {
  db: Kysely<Database>
  sessions: Sessions
  throttle: LoginThrottle
  /** scrypt N of the dummy hash checked for unknown usernames: the same as real hashes. */
  passwordCost?: number
}

const LOGIN_BODY_BYTES = 4096

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
})

// One message for an unknown name and a wrong password, so neither reveals which names exist.
const invalidCredentials = () =>
  new ApiError(401, 'invalid_credentials', 'The username or password is wrong.')

const publicUser = ({ username, role }: SessionUser) => ({ user: { username, role } })

/** Sign-in, sign-out and "who am I" for admins and researchers. */
export const authRoutes = ({ db, sessions, throttle, passwordCost, ...cookies }: AuthRouteDeps) =>
  new Hono<AuthEnv>()
    .post('/login', requireJson, limitBody(LOGIN_BODY_BYTES), async (c) => {
      const body = await readJsonBody(
        c,
        loginSchema,
        'The body must be {"username": "...", "password": "..."}.',
      )
      const username = normalizeUsername(body.username)
      const client = clientKey(c, cookies.trustProxy)

      const wait = throttle.begin(username, client)
      if (wait > 0) {
        c.header('Retry-After', String(wait))
        throw new ApiError(429, 'too_many_attempts', 'Too many failed sign-ins: try again later.')
      }
      const user = await findUserByUsername(db, username)
      const hash = user?.password_hash ?? (await dummyHash(passwordCost))
      const valid = await verifyPassword(body.password, hash)
      if (!user || !valid) throw invalidCredentials()
      throttle.succeeded(username, client)

      // A new token at every sign-in; whatever session this browser had before is ended.
      const previous = readSessionCookie(c)
      if (previous) await sessions.end(previous)
      await sessions.purgeExpired()
      setSessionCookie(c, await sessions.start(user.id), cookies)
      return c.json(publicUser(user))
    })
    .post('/logout', async (c) => {
      const token = readSessionCookie(c)
      if (token) await sessions.end(token)
      clearSessionCookie(c, cookies)
      return c.json({ ok: true })
    })
    .get('/me', requireUser(sessions), (c) => c.json(publicUser(c.get('user'))))
