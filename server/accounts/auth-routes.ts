import { Hono, type Context } from 'hono'
import type { Kysely } from 'kysely'
import type { z } from 'zod'
import { findUserByUsername } from '../../db/queries/users.js'
import type { Database } from '../../db/schema.js'
import { normalizeUsername } from './accounts.js'
import { clientKey } from '../platform/client-key.js'
import {
  clearSessionCookie,
  readSessionCookie,
  setSessionCookie,
  type CookiePolicy,
} from './cookie.js'
import {
  readDeviceCookie,
  setDeviceCookie,
  signDeviceCookie,
  verifyDeviceCookie,
  type DeviceKey,
} from './device-cookie.js'
import { HashingBusy } from './hash-slots.js'
import type { LoginAttempt, LoginThrottle } from './login-throttle.js'
import { requireUser, type AuthEnv } from './middleware.js'
import { dummyHash, verifyPassword } from './password.js'
import type { Sessions, SessionUser } from './sessions.js'
import { ApiError } from '../platform/errors.js'
import { jsonBody } from '../platform/contract/validation.js'
import { signIn, userSchema } from './contract.js'
import type { okSchema } from '../platform/openapi/response-schemas.js'

export interface AuthRouteDeps extends CookiePolicy {
  db: Kysely<Database>
  clock: () => Date
  sessions: Sessions
  throttle: LoginThrottle
  /** Signs device cookies (server/accounts/device-cookie.ts). */
  deviceKey: DeviceKey
  /** scrypt N of the dummy hash checked for unknown usernames: the same as real hashes. */
  passwordCost?: number
}

const LOGIN_BODY_BYTES = 4096
const LOGIN_EXPECTED = 'The body must be {"username": "...", "password": "..."}.'

// One message for an unknown name and a wrong password, so neither reveals which names exist.
const invalidCredentials = () =>
  new ApiError(401, 'invalid_credentials', 'The username or password is wrong.')

const tooMany = (c: Context, retryAfter: number) => {
  c.header('Retry-After', String(retryAfter))
  return new ApiError(429, 'too_many_attempts', 'Too many failed sign-ins: try again later.')
}

// Seconds: a full queue of password checks (32, two at a time, ~0.3 s each) drains in about that.
const BUSY_RETRY_AFTER = 5

// Typed by the response schema, so a field it does not describe fails the typecheck.
const publicUser = ({ username, role }: SessionUser) =>
  ({ user: { username, role } }) satisfies z.input<typeof userSchema>

/** Sign-in, sign-out and "who am I" for admins and researchers. */
export const authRoutes = (deps: AuthRouteDeps) => {
  const { db, clock, sessions, throttle, deviceKey, passwordCost, ...cookies } = deps

  /** Checks the password, unless too many checks are running (503, the attempt not counted). */
  const check = async (c: Context, attempt: LoginAttempt, username: string, password: string) => {
    try {
      const user = await findUserByUsername(db, username)
      const hash = user?.password_hash ?? (await dummyHash(passwordCost))
      return (await verifyPassword(password, hash)) ? user : undefined
    } catch (error) {
      if (!(error instanceof HashingBusy)) throw error
      attempt.cancelled()
      c.header('Retry-After', String(BUSY_RETRY_AFTER))
      throw new ApiError(503, 'busy', 'Too many sign-ins at once: try again in a moment.')
    }
  }

  return new Hono<AuthEnv>()
    .post('/login', jsonBody(signIn.body, LOGIN_EXPECTED, LOGIN_BODY_BYTES), async (c) => {
      const body = c.req.valid('json')
      const username = normalizeUsername(body.username)
      const client = clientKey(c, cookies.trustProxy)
      const cookie = readDeviceCookie(c)
      // The key is read only when there is a cookie to check: a refused sign-in stores nothing.
      const device = cookie
        ? verifyDeviceCookie(await deviceKey(), cookie, username, clock())
        : undefined

      const attempt = throttle.begin(username, client, device)
      if ('retryAfter' in attempt) throw tooMany(c, attempt.retryAfter)
      const user = await check(c, attempt, username, body.password)
      if (!user) throw invalidCredentials()
      attempt.succeeded()

      // A new token at every sign-in; whatever session this browser had before is ended.
      const previous = readSessionCookie(c)
      if (previous) await sessions.end(previous)
      await sessions.purgeExpired()
      setSessionCookie(c, await sessions.start(user.id), cookies)
      // A new nonce and a year more for this browser and user (after the session cookie, which
      // simple clients read as the first Set-Cookie).
      setDeviceCookie(c, signDeviceCookie(await deviceKey(), username, clock()), cookies)
      return c.json(publicUser(user))
    })
    .post('/logout', async (c) => {
      const token = readSessionCookie(c)
      if (token) await sessions.end(token)
      clearSessionCookie(c, cookies)
      return c.json({ ok: true } satisfies z.input<typeof okSchema>)
    })
    .get('/me', requireUser(sessions), (c) => c.json(publicUser(c.get('user'))))
}
