import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { Kysely } from 'kysely'
import { readOrCreateSecret } from '../../db/queries/server-secrets.js'
import type { Database } from '../../db/schema.js'
import { isSecureRequest, type CookiePolicy } from './cookie.js'

/**
 * OWASP's device cookie ("Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * signed in as a user before gets a signed cookie; with it, that user's sign-ins are limited per
 * cookie, not by the failures of everyone else trying the name. It grants no access by itself.
 */
export const DEVICE_COOKIE = 'device'
// Only the sign-in route ever sees it: never sent to respondent routes, nor anywhere else.
export const DEVICE_COOKIE_PATH = '/api/auth/login'
/**
 * A year, renewed at each sign-in: a researcher who returns for the next yearly survey wave is
 * still recognised; an old copy dies on its own. Under Chrome's 400-day cap on cookies.
 */
export const DEVICE_COOKIE_DAYS = 365

const DAY_SECONDS = 24 * 60 * 60
const STORED_NAME = 'device-cookie-hmac'
// `<expiry, Unix seconds>.<128-bit nonce>.<HMAC-SHA-256>`: the username is signed, not shown.
const SHAPE = /^(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/

const mac = (key: Buffer, username: string, expires: string, nonce: string) =>
  createHmac('sha256', key).update(`device-cookie\n${username}\n${expires}\n${nonce}`).digest()

/** A new device cookie value for the (normalised) username. */
export function signDeviceCookie(key: Buffer, username: string, now: Date): string {
  const expires = String(Math.floor(now.getTime() / 1000) + DEVICE_COOKIE_DAYS * DAY_SECONDS)
  const nonce = randomBytes(16).toString('base64url')
  return `${expires}.${nonce}.${mac(key, username, expires, nonce).toString('base64url')}`
}

/**
 * The cookie's nonce (its rate-limit key) when it was made by this server for this username and
 * has not expired; undefined for anything else, which is then treated as no cookie at all.
 */
export function verifyDeviceCookie(
  key: Buffer,
  value: string | undefined,
  username: string,
  now: Date,
): string | undefined {
  const [, expires, nonce, signature] = SHAPE.exec(value ?? '') ?? []
  if (!signature || Number(expires) * 1000 <= now.getTime()) return undefined
  const expected = mac(key, username, expires, nonce)
  return timingSafeEqual(Buffer.from(signature, 'base64url'), expected) ? nonce : undefined
}

/**
 * The HMAC key, the same on every instance (each keeps its own failure counts, but a cookie made
 * by one must be recognised by all): a random key made once and stored in the database.
 */
export function createDeviceKey(db: Kysely<Database>) {
  let key: Promise<Buffer> | undefined
  return (): Promise<Buffer> => {
    key ??= readOrCreateSecret(db, STORED_NAME, () => randomBytes(32).toString('base64url'))
      .then((value) => Buffer.from(value, 'base64url'))
      .catch((error: unknown) => {
        key = undefined // a passing database error must not stick
        throw error
      })
    return key
  }
}

export type DeviceKey = ReturnType<typeof createDeviceKey>

export const readDeviceCookie = (c: Context) => getCookie(c, DEVICE_COOKIE)

export const setDeviceCookie = (c: Context, value: string, policy: CookiePolicy) =>
  setCookie(c, DEVICE_COOKIE, value, {
    path: DEVICE_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecureRequest(c, policy),
    maxAge: DEVICE_COOKIE_DAYS * DAY_SECONDS,
  })
