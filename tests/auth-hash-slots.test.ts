import type * as Crypto from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { createSlots, HashingBusy } from '../server/accounts/hash-slots.js'
import { HASH_CONCURRENCY, HASH_QUEUE } from '../server/accounts/password.js'
import { createAuthTestContext, createUser, postJson } from './helpers.js'

// Issue 14, finding 6: a burst of sign-ins took every libuv thread (scrypt), stalling gzip. Here:
// how many scrypt calls are in flight at once; tests/sign-in-flood.test.ts: the real server.

// `holdMs`: each hash finishes that much later, so a burst meets a full queue however slowly the
// machine (or PostgreSQL) lets the requests reach it.
const scrypts = vi.hoisted(() => ({ inFlight: 0, peak: 0, holdMs: 0 }))
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof Crypto>()
  const scrypt = (...args: unknown[]) => {
    const done = args.pop() as (error: Error | null, key: Buffer) => void
    scrypts.peak = Math.max(scrypts.peak, ++scrypts.inFlight)
    ;(crypto.scrypt as (...a: unknown[]) => void)(...args, (error: Error | null, key: Buffer) => {
      setTimeout(() => {
        scrypts.inFlight--
        done(error, key)
      }, scrypts.holdMs)
    })
  }
  return { ...crypto, default: { ...crypto, scrypt }, scrypt }
})

const PASSWORD = 'correct horse battery'

describe('password hashes per process', () => {
  it(`run at most ${HASH_CONCURRENCY} at once during 40 concurrent sign-ins`, async () => {
    const ctx = await createAuthTestContext({ trustProxy: true })
    await createUser(ctx.db, 'alice', 'admin', PASSWORD)
    scrypts.peak = 0
    // Half for a real user (right password), half for unknown names (the dummy hash).
    const body = (i: number) =>
      i % 2
        ? { username: `nobody${i}`, password: 'wrong' }
        : { username: 'alice', password: PASSWORD }
    const attempts = Array.from({ length: 40 }, (_, i) =>
      postJson(ctx.app, '/api/auth/login', body(i), { 'X-Forwarded-For': `203.0.113.${i}` }),
    )
    const statuses = (await Promise.all(attempts)).map((res) => res.status)
    expect(scrypts.peak).toBeGreaterThan(0)
    expect(scrypts.peak).toBeLessThanOrEqual(HASH_CONCURRENCY)
    // 2 running and 32 waiting at most; the rest are turned away (503), none fails.
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([])
    expect(statuses.filter((status) => status !== 503).length).toBeGreaterThanOrEqual(
      HASH_CONCURRENCY + HASH_QUEUE - 1,
    )
  })

  it('turn away the excess with 503 busy and Retry-After, not counted as failures', async () => {
    const perUsername = { max: 60, windowMs: 15 * 60_000 }
    const ctx = await createAuthTestContext({ trustProxy: true, rateLimits: { perUsername } })
    await createUser(ctx.db, 'alice', 'admin', PASSWORD)
    const login = (i: number) =>
      postJson(
        ctx.app,
        '/api/auth/login',
        { username: 'alice', password: 'wrong' },
        { 'X-Forwarded-For': `10.0.${i >> 8}.${i & 255}` },
      )
    // Far more at once than run and wait: some get 503.
    scrypts.holdMs = 100
    const burst = await Promise.all(Array.from({ length: 80 }, (_, i) => login(i)))
    scrypts.holdMs = 0
    const busy = burst.filter((res) => res.status === 503)
    expect(busy.length).toBeGreaterThan(0)
    expect(busy[0].headers.get('retry-after')).toBe('5')
    expect(await busy[0].json()).toEqual({
      error: { code: 'busy', message: expect.any(String), details: [] },
    })
    // Only the checked passwords count: the rest of the 60 allowed failures are still there.
    const failed = burst.filter((res) => res.status === 401).length
    for (let i = 0; i < perUsername.max - failed; i++) {
      expect((await login(100 + i)).status).toBe(401)
    }
    expect((await login(200)).status).toBe(429)
  })
})

describe('createSlots', () => {
  it('runs `concurrency` jobs at once, queues `maxQueue`, refuses the rest', async () => {
    const run = createSlots({ concurrency: 2, maxQueue: 1 })
    const started: number[] = []
    const finish: (() => void)[] = []
    const job = (id: number) => () =>
      new Promise<number>((resolve) => {
        started.push(id)
        finish.push(() => resolve(id))
      })
    const jobs = [run(job(1)), run(job(2)), run(job(3))]
    await expect(run(job(4))).rejects.toBeInstanceOf(HashingBusy)
    await Promise.resolve()
    expect(started).toEqual([1, 2])
    finish[0]()
    await jobs[0]
    await new Promise((resolve) => setImmediate(resolve))
    expect(started).toEqual([1, 2, 3])
    finish[1]()
    finish[2]()
    expect(await Promise.all(jobs)).toEqual([1, 2, 3])
    // Free again: a job runs at once.
    const next = run(job(5))
    await Promise.resolve()
    expect(started.at(-1)).toBe(5)
    finish[3]()
    expect(await next).toBe(5)
  })

  it('frees the slot of a job that fails', async () => {
    const run = createSlots({ concurrency: 1, maxQueue: 0 })
    await expect(run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await run(async () => 'ok')).toBe('ok')
  })
})
