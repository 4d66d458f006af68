import { createHash } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { createRateLimiter } from '../server/platform/rate-limit.js'
import { createAuthTestContext, createTestClock, createUser, postJson } from './helpers.js'

const MINUTE = 60_000
const PASSWORD = 'correct horse battery'

const setup = async (auth = {}) => {
  const ctx = await createAuthTestContext(auth)
  await createUser(ctx.db, 'alice', 'admin', PASSWORD)
  const login = (username: string, password: string) =>
    postJson(ctx.app, '/api/auth/login', { username, password })
  return { ...ctx, login }
}

describe('failed sign-in limits', () => {
  it('answers 429 with Retry-After after 5 failures for a name, even if right', async () => {
    const { login, db } = await setup()
    for (let i = 0; i < 5; i++) expect((await login('alice', `wrong ${i}`)).status).toBe(401)
    const res = await login('alice', PASSWORD)
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('900')
    expect(await res.json()).toEqual({
      error: { code: 'too_many_attempts', message: expect.any(String), details: [] },
    })
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([])
  })

  it('counts usernames case-insensitively', async () => {
    const { login } = await setup()
    for (const name of ['alice', 'ALICE', 'Alice', 'aLiCe', ' alice']) await login(name, 'wrong')
    expect((await login('alice', PASSWORD)).status).toBe(429)
  })

  it('allows a try again once the oldest failure leaves the 15-minute window', async () => {
    const { login, clock } = await setup()
    await login('alice', 'wrong')
    clock.advance(10 * MINUTE)
    for (let i = 0; i < 4; i++) await login('alice', 'wrong')
    const blocked = await login('alice', PASSWORD)
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toBe('300')
    clock.advance(5 * MINUTE)
    expect((await login('alice', PASSWORD)).status).toBe(200)
  })

  it('resets the username counter on a successful sign-in', async () => {
    const { login } = await setup()
    for (let i = 0; i < 4; i++) await login('alice', 'wrong')
    expect((await login('alice', PASSWORD)).status).toBe(200)
    for (let i = 0; i < 4; i++) expect((await login('alice', 'wrong')).status).toBe(401)
    expect((await login('alice', PASSWORD)).status).toBe(200)
  })

  it('limits failures per client across usernames (20 by default)', async () => {
    const { login } = await setup()
    for (let i = 0; i < 20; i++) expect((await login(`user${i}`, 'wrong')).status).toBe(401)
    const res = await login('alice', PASSWORD)
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('takes its limits from the options', async () => {
    const { login } = await setup({
      rateLimits: {
        perUsername: { max: 2, windowMs: MINUTE },
        perClient: { max: 3, windowMs: MINUTE },
      },
    })
    await login('alice', 'wrong')
    await login('alice', 'wrong')
    const res = await login('alice', PASSWORD)
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('60')
    await login('bob', 'wrong')
    expect((await login('carol', 'wrong')).status).toBe(429)
  })

  it('keeps limits per app instance (in memory)', async () => {
    const ctx = await setup()
    for (let i = 0; i < 5; i++) await ctx.login('alice', 'wrong')
    expect((await ctx.login('alice', PASSWORD)).status).toBe(429)
    const other = await setup()
    expect((await other.login('alice', PASSWORD)).status).toBe(200)
  })
})

describe('createRateLimiter', () => {
  it('allows max attempts per sliding window', () => {
    const clock = createTestClock()
    const limiter = createRateLimiter({ max: 2, windowMs: 10_000, clock: clock.now })
    limiter.hit('k')
    clock.advance(4_000)
    limiter.hit('k')
    expect(limiter.retryAfter('k')).toBe(6)
    expect(limiter.retryAfter('other')).toBe(0)
    clock.advance(6_000)
    expect(limiter.retryAfter('k')).toBe(0)
  })

  it('forgives the latest attempt and resets a key', () => {
    const clock = createTestClock()
    const limiter = createRateLimiter({ max: 1, windowMs: 10_000, clock: clock.now })
    limiter.hit('k')
    limiter.forgive('k')
    expect(limiter.retryAfter('k')).toBe(0)
    limiter.hit('k')
    limiter.reset('k')
    expect(limiter.retryAfter('k')).toBe(0)
  })

  it('bounds memory by dropping the oldest keys', () => {
    const clock = createTestClock()
    const limiter = createRateLimiter({ max: 1, windowMs: 10_000, clock: clock.now, maxKeys: 3 })
    for (const key of ['a', 'b', 'c', 'd']) limiter.hit(key)
    expect(limiter.retryAfter('a')).toBe(0)
    expect(limiter.retryAfter('d')).toBe(10)
  })
})

describe('the sign-in client key', () => {
  // A fresh module is a fresh process key. An unkeyed hash (anyone can hash every IPv4 address)
  // gives the same key in every process; an HMAC under a random key does not.
  const freshClientKey = async () => {
    vi.resetModules()
    return (await import('../server/platform/client-key.js')).clientKey
  }
  const contextFor = (address: string) =>
    ({ req: { header: (name: string) => (name === 'x-forwarded-for' ? address : undefined) } }) as never

  it('is an HMAC under a random per-process key, never the address or its plain hash', async () => {
    const [a, b] = [await freshClientKey(), await freshClientKey()]
    const address = '203.0.113.7'
    const key = a(contextFor(address), true)
    expect(a(contextFor(address), true)).toBe(key)
    expect(b(contextFor(address), true)).not.toBe(key)
    expect(a(contextFor('203.0.113.8'), true)).not.toBe(key)
    expect(key).not.toContain(address)
    for (const digest of ['base64url', 'hex', 'base64'] as const) {
      expect(key).not.toBe(createHash('sha256').update(address).digest(digest))
    }
  })
})
