import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'

export const SESSION_COOKIE = 'session'

export interface CookiePolicy {
  /** 'auto': Secure when the request came over https. */
  secureCookies?: 'auto' | boolean
  /** Believe `X-Forwarded-Proto` (only behind a proxy that sets it). */
  trustProxy?: boolean
}

export function isSecureRequest(
  c: Context,
  { secureCookies = 'auto', trustProxy = false }: CookiePolicy,
) {
  if (typeof secureCookies === 'boolean') return secureCookies
  if (new URL(c.req.url).protocol === 'https:') return true
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  return trustProxy && forwarded === 'https'
}

// No Max-Age: a browser-session cookie; the server enforces idle and absolute expiry.
const attributes = (c: Context, policy: CookiePolicy) =>
  ({
    path: '/',
    httpOnly: true,
    sameSite: 'Strict',
    secure: isSecureRequest(c, policy),
  }) as const

export const readSessionCookie = (c: Context) => getCookie(c, SESSION_COOKIE)

export const setSessionCookie = (c: Context, token: string, policy: CookiePolicy) =>
  setCookie(c, SESSION_COOKIE, token, attributes(c, policy))

export const clearSessionCookie = (c: Context, policy: CookiePolicy) =>
  deleteCookie(c, SESSION_COOKIE, attributes(c, policy))
