import { describe, expect, it } from 'vitest'
import { createAuthTestContext, createUser, signIn } from './helpers.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

const setup = async (auth = {}) => {
  const ctx = await createAuthTestContext(auth)
  await createUser(ctx.db, 'alice', 'admin', 'correct horse battery')
  const cookie = await signIn(ctx.app, 'alice', 'correct horse battery')
  const me = () => ctx.app.request('/api/auth/me', { headers: { Cookie: cookie } })
  const sessions = () => ctx.db.selectFrom('sessions').selectAll().execute()
  return { ...ctx, cookie, me, sessions }
}

describe('session expiry', () => {
  it('expires after 30 idle minutes and deletes the session', async () => {
    const { clock, me, sessions } = await setup()
    clock.advance(29 * MINUTE)
    expect((await me()).status).toBe(200)
    clock.advance(30 * MINUTE)
    expect((await me()).status).toBe(401)
    expect(await sessions()).toEqual([])
  })

  it('slides: activity keeps the session alive past the idle timeout', async () => {
    const { clock, me } = await setup()
    for (let i = 0; i < 5; i++) {
      clock.advance(20 * MINUTE)
      expect((await me()).status).toBe(200)
    }
  })

  it('records activity at most once a minute', async () => {
    const { clock, me, sessions } = await setup()
    const [created] = await sessions()
    clock.advance(30_000)
    await me()
    expect((await sessions())[0].last_seen_at).toBe(created.last_seen_at)
    clock.advance(31_000)
    await me()
    expect((await sessions())[0].last_seen_at).toBe('2026-11-25T14:38:22.123Z')
  })

  it('expires 12 hours after sign-in however active', async () => {
    const { clock, me, sessions } = await setup()
    for (let elapsed = 0; elapsed < 12 * HOUR - 20 * MINUTE; elapsed += 20 * MINUTE) {
      clock.advance(20 * MINUTE)
      expect((await me()).status).toBe(200)
    }
    clock.advance(20 * MINUTE)
    expect((await me()).status).toBe(401)
    expect(await sessions()).toEqual([])
  })

  it('takes the idle and absolute limits from the options', async () => {
    const { clock, me } = await setup({ idleMinutes: 5, absoluteHours: 1 })
    clock.advance(6 * MINUTE)
    expect((await me()).status).toBe(401)

    const other = await setup({ idleMinutes: 120, absoluteHours: 1 })
    other.clock.advance(59 * MINUTE)
    expect((await other.me()).status).toBe(200)
    other.clock.advance(MINUTE)
    expect((await other.me()).status).toBe(401)
  })

  it('deletes expired sessions of anyone at sign-in', async () => {
    const { app, db, clock, sessions } = await setup()
    const rob = await createUser(db, 'rob', 'researcher', 'researcher password')
    clock.advance(31 * MINUTE)
    await signIn(app, 'rob', 'researcher password')
    expect((await sessions()).map((row) => row.user_id)).toEqual([rob])
  })

  it('stores ISO times: created, last seen and the absolute expiry', async () => {
    const { sessions } = await setup()
    const [row] = await sessions()
    expect(row).toMatchObject({
      created_at: '2026-11-25T14:37:21.123Z',
      last_seen_at: '2026-11-25T14:37:21.123Z',
      expires_at: '2026-11-26T02:37:21.123Z',
    })
  })
})
