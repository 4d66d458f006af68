import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createApp } from '../server/app.js'
import { createDailyClientKey } from '../server/respondent/client-key-daily.js'
import { miniSurvey, validMiniAnswers } from './fixtures.js'
import {
  addSurvey,
  CLIENT_DIR,
  countRows,
  createTestClock,
  createTestContext,
  postJson,
  TEST_PASSWORD_COST,
} from './helpers.js'

const TEN_MINUTES = 10 * 60_000

async function setup() {
  const ctx = await createTestContext({ loadBundled: false })
  await addSurvey(ctx.db, 'mini', miniSurvey)
  const clock = createTestClock()
  const app = createApp({
    db: ctx.db,
    config: { clientDir: CLIENT_DIR },
    clock: clock.now,
    log: (message) => ctx.errors.push(message),
    auth: { passwordCost: TEST_PASSWORD_COST, trustProxy: true },
    submissionRateLimit: { max: 3, windowMs: TEN_MINUTES },
  })
  const submit = (address: string, body: unknown = { answers: validMiniAnswers }) =>
    postJson(app, '/api/surveys/mini/responses', body, { 'X-Forwarded-For': address })
  return { ...ctx, app, clock, submit }
}

describe('response submission rate limit', () => {
  it('refuses the one past the limit with 429 and Retry-After, storing nothing', async () => {
    const { db, submit } = await setup()
    expect((await submit('203.0.113.1')).status).toBe(201)
    expect((await submit('203.0.113.1', { answers: 'nope' })).status).toBe(400) // counted too
    expect((await submit('203.0.113.1')).status).toBe(201)
    const refused = await submit('203.0.113.1')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('600')
    expect(await refused.json()).toEqual({
      error: { code: 'too_many_requests', message: expect.any(String), details: [] },
    })
    expect((await countRows(db)).responses).toBe(2)
  })

  it('does not affect another client', async () => {
    const { submit } = await setup()
    for (let i = 0; i < 3; i++) expect((await submit('203.0.113.1')).status).toBe(201)
    expect((await submit('203.0.113.1')).status).toBe(429)
    expect((await submit('198.51.100.2')).status).toBe(201)
    // Only the nearest proxy's (last) entry counts: a client cannot dodge by prepending one.
    expect((await submit('10.0.0.9, 203.0.113.1')).status).toBe(429)
  })

  it('accepts submissions again once the window has passed', async () => {
    const { clock, submit } = await setup()
    for (let i = 0; i < 3; i++) await submit('203.0.113.1')
    clock.advance(TEN_MINUTES - 1000)
    const refused = await submit('203.0.113.1')
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('1')
    clock.advance(1000)
    expect((await submit('203.0.113.1')).status).toBe(201)
  })
})

describe('daily client key', () => {
  it('is stable within a UTC day and changes when the day changes', () => {
    const clock = createTestClock(new Date('2026-11-25T00:00:01.000Z'))
    const keyOf = createDailyClientKey(clock.now)
    const morning = keyOf('203.0.113.1')
    expect(morning).not.toContain('203.0.113.1')
    expect(keyOf('198.51.100.2')).not.toBe(morning)
    clock.advance(23 * 60 * 60_000)
    expect(keyOf('203.0.113.1')).toBe(morning)
    clock.advance(60 * 60_000) // 2026-11-26T00:00:01Z
    const nextDay = keyOf('203.0.113.1')
    expect(nextDay).not.toBe(morning)
    expect(keyOf('203.0.113.1')).toBe(nextDay)
  })
})

describe('the daily client key is keyed', () => {
  it('differs between two instances on the same day: an HMAC under a random key', () => {
    // A plain hash of day and address is the same everywhere, and reversible by hashing every
    // IPv4 address; two instances with their own random keys never agree.
    const clock = createTestClock(new Date('2026-11-25T09:00:00.000Z'))
    const [a, b] = [createDailyClientKey(clock.now), createDailyClientKey(clock.now)]
    expect(a('203.0.113.1')).toBe(a('203.0.113.1'))
    expect(b('203.0.113.1')).not.toBe(a('203.0.113.1'))
    for (const text of ['203.0.113.1', '2026-11-25203.0.113.1', '2026-11-25|203.0.113.1']) {
      expect(a('203.0.113.1')).not.toBe(createHash('sha256').update(text).digest('base64url'))
    }
  })
})
