import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createApp } from '../server/app.js'
import {
  DEVICE_COOKIE_DAYS,
  signDeviceCookie,
  verifyDeviceCookie,
} from '../server/accounts/device-cookie.js'
import { createLoginThrottle } from '../server/accounts/login-throttle.js'
import {
  CLIENT_DIR,
  createAuthTestContext,
  createTestClock,
  createUser,
  postJson,
  TEST_PASSWORD_COST,
} from './helpers.js'

// Issue 14, finding 4: five wrong passwords from anywhere locked the real user out. OWASP's device
// cookie: a browser that signed in as a user before is limited on its own.

const PASSWORD = 'correct horse battery'
const DAY = 24 * 60 * 60 * 1000

async function setup() {
  // TRUST_PROXY, so that tests can come from several addresses.
  const ctx = await createAuthTestContext({ trustProxy: true })
  await createUser(ctx.db, 'alice', 'admin', PASSWORD)
  await createUser(ctx.db, 'mallory', 'researcher', PASSWORD)
  const loginOn =
    (app: typeof ctx.app) =>
    async (username: string, password: string, from: string, device?: string) => {
      const headers: Record<string, string> = { 'X-Forwarded-For': from }
      if (device) headers.Cookie = `device=${device}`
      return postJson(app, '/api/auth/login', { username, password }, headers)
    }
  return { ...ctx, login: loginOn(ctx.app), loginOn }
}

/** The device cookie a successful sign-in set: its value and attributes. */
function deviceCookieOf(res: Response) {
  const header = res.headers.getSetCookie().find((cookie) => cookie.startsWith('device='))
  if (!header) throw new Error(`no device cookie: ${res.headers.getSetCookie().join(' | ')}`)
  return { header, value: header.slice('device='.length).split(';')[0] }
}

const lockOut = async (login: Awaited<ReturnType<typeof setup>>['login'], username: string) => {
  for (let i = 0; i < 5; i++) {
    expect((await login(username, `wrong ${i}`, `203.0.113.${i}`)).status).toBe(401)
  }
  expect((await login(username, PASSWORD, '203.0.113.99')).status).toBe(429)
}

describe('a browser that signed in before is not locked out by failures elsewhere', () => {
  it('signs in with its device cookie while the name is locked for everyone else', async () => {
    const { login } = await setup()
    const { value: device } = deviceCookieOf(await login('alice', PASSWORD, '198.51.100.7'))
    await lockOut(login, 'alice')
    const res = await login('alice', PASSWORD, '198.51.100.7', device)
    expect(res.status).toBe(200)
    // Renewed forever by the attacker, still no lockout of the owner.
    expect((await login('alice', 'wrong', '203.0.113.5')).status).toBe(429)
    expect((await login('alice', PASSWORD, '198.51.100.7', device)).status).toBe(200)
  })

  it('keeps guessing as slow: no cookie, another user’s, forged or expired', async () => {
    const { login, clock } = await setup()
    const { value: own } = deviceCookieOf(await login('alice', PASSWORD, '198.51.100.7'))
    const { value: mallorys } = deviceCookieOf(await login('mallory', PASSWORD, '203.0.113.1'))
    await lockOut(login, 'alice')
    const [expires, nonce, mac] = own.split('.')
    const forged = [
      mallorys,
      `${Number(expires) + DAY}.${nonce}.${mac}`,
      `${expires}.${randomBytes(16).toString('base64url')}.${mac}`,
      'garbage',
    ]
    for (const device of forged) {
      expect((await login('alice', PASSWORD, '203.0.113.1', device)).status).toBe(429)
    }
    // A year and a day later the cookie has expired, and counts as none.
    clock.advance((DEVICE_COOKIE_DAYS + 1) * DAY)
    await lockOut(login, 'alice')
    expect((await login('alice', PASSWORD, '198.51.100.7', own)).status).toBe(429)
  })

  it('does not reset the count of others when the owner signs in', async () => {
    const { login } = await setup()
    const { value: device } = deviceCookieOf(await login('alice', PASSWORD, '198.51.100.7'))
    for (let i = 0; i < 4; i++) await login('alice', 'wrong', '203.0.113.1')
    expect((await login('alice', PASSWORD, '198.51.100.7', device)).status).toBe(200)
    expect((await login('alice', 'wrong', '203.0.113.1')).status).toBe(401)
    expect((await login('alice', PASSWORD, '203.0.113.1')).status).toBe(429)
  })

  it('limits failures per device cookie, locking out only that cookie', async () => {
    const { login } = await setup()
    const { value: laptop } = deviceCookieOf(await login('alice', PASSWORD, '198.51.100.7'))
    const { value: phone } = deviceCookieOf(await login('alice', PASSWORD, '198.51.100.8'))
    for (let i = 0; i < 5; i++) {
      expect((await login('alice', 'wrong', '198.51.100.7', laptop)).status).toBe(401)
    }
    const blocked = await login('alice', PASSWORD, '198.51.100.7', laptop)
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toBe('900')
    expect((await blocked.json()).error.code).toBe('too_many_attempts')
    expect((await login('alice', PASSWORD, '198.51.100.8', phone)).status).toBe(200)
    expect((await login('alice', PASSWORD, '198.51.100.9')).status).toBe(200)
  })

  it('is recognised by every instance: its key is shared through the database', async () => {
    const ctx = await setup()
    const { value: device } = deviceCookieOf(await ctx.login('alice', PASSWORD, '198.51.100.7'))
    const other = createApp({
      db: ctx.db,
      config: { clientDir: CLIENT_DIR },
      clock: ctx.clock.now,
      auth: { passwordCost: TEST_PASSWORD_COST, trustProxy: true },
    })
    const loginThere = ctx.loginOn(other)
    await lockOut(loginThere, 'alice')
    expect((await loginThere('alice', PASSWORD, '198.51.100.7', device)).status).toBe(200)
  })
})

describe('the device cookie', () => {
  it('is HttpOnly, SameSite=Strict, for a year, sent only to the sign-in route', async () => {
    const { login, app } = await setup()
    const res = await login('alice', PASSWORD, '198.51.100.7')
    const { header, value } = deviceCookieOf(res)
    expect(header).toMatch(/; Path=\/api\/auth\/login(;|$)/)
    expect(header).toMatch(/; HttpOnly/)
    expect(header).toMatch(/; SameSite=Strict/)
    expect(header).toMatch(new RegExp(`; Max-Age=${DEVICE_COOKIE_DAYS * 24 * 60 * 60}(;|$)`))
    expect(header).not.toMatch(/Secure/)
    expect(value).not.toContain('alice')
    const https = await postJson(app, 'https://x/api/auth/login', {
      username: 'alice',
      password: PASSWORD,
    })
    expect(deviceCookieOf(https).header).toMatch(/; Secure/)
  })

  it('is not set by a failed or refused sign-in, nor by signing out', async () => {
    const { login, app } = await setup()
    expect((await login('alice', 'wrong', '198.51.100.7')).headers.getSetCookie()).toEqual([])
    const logout = await postJson(app, '/api/auth/logout', {})
    expect(logout.headers.getSetCookie().some((c) => c.startsWith('device='))).toBe(false)
  })
})

describe('signDeviceCookie and verifyDeviceCookie', () => {
  const key = randomBytes(32)
  const now = new Date('2026-11-25T12:00:00Z')

  it('gives the nonce back only for the same key and username, until it expires', () => {
    const value = signDeviceCookie(key, 'alice', now)
    const nonce = verifyDeviceCookie(key, value, 'alice', now)
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(value.split('.')[1]).toBe(nonce)
    expect(verifyDeviceCookie(key, value, 'bob', now)).toBeUndefined()
    expect(verifyDeviceCookie(randomBytes(32), value, 'alice', now)).toBeUndefined()
    const later = (days: number) => new Date(now.getTime() + days * DAY)
    expect(verifyDeviceCookie(key, value, 'alice', later(DEVICE_COOKIE_DAYS - 1))).toBe(nonce)
    expect(verifyDeviceCookie(key, value, 'alice', later(DEVICE_COOKIE_DAYS))).toBeUndefined()
    for (const bad of [undefined, '', 'a.b.c', `${value}x`, value.replace(/.$/, '.')]) {
      expect(verifyDeviceCookie(key, bad, 'alice', now)).toBeUndefined()
    }
  })

  it('makes a new nonce every time', () => {
    expect(signDeviceCookie(key, 'alice', now)).not.toBe(signDeviceCookie(key, 'alice', now))
  })
})

describe('createLoginThrottle', () => {
  it('takes back a cancelled attempt (no password was checked)', () => {
    const throttle = createLoginThrottle(createTestClock().now, {
      perUsername: { max: 1, windowMs: 60_000 },
    })
    const attempt = throttle.begin('alice', 'client')
    if ('retryAfter' in attempt) throw new Error('refused')
    expect(throttle.begin('alice', 'client')).toEqual({ retryAfter: 60 })
    attempt.cancelled()
    expect('retryAfter' in throttle.begin('alice', 'client')).toBe(false)
  })
})
