import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { requireRole, requireUser, type AuthEnv } from '../server/accounts/middleware.js'
import { createSessions } from '../server/accounts/sessions.js'
import { renderError } from '../server/platform/errors.js'
import { createAuthTestContext, createUser, postJson, signIn } from './helpers.js'

const setup = async () => {
  const ctx = await createAuthTestContext()
  await createUser(ctx.db, 'alice', 'admin', 'admin password 1')
  await createUser(ctx.db, 'rob', 'researcher', 'researcher password')
  return ctx
}

const errorCode = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code

describe('/api/admin/* guard', () => {
  it.each(['/api/admin', '/api/admin/anything', '/api/admin/surveys/x/publish'])(
    'answers 401 without a session: GET %s',
    async (path) => {
      const { app } = await setup()
      const res = await app.request(path)
      expect(res.status).toBe(401)
      expect(await errorCode(res)).toBe('unauthorized')
    },
  )

  it('answers 401 to a POST without a session', async () => {
    const { app } = await setup()
    const res = await postJson(app, '/api/admin/anything', {})
    expect(res.status).toBe(401)
  })

  it('answers 404 in the error shape with a session, while no admin route exists', async () => {
    const { app } = await setup()
    const cookie = await signIn(app, 'rob', 'researcher password')
    const res = await app.request('/api/admin/anything', { headers: { Cookie: cookie } })
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({
      error: { code: 'not_found', message: expect.any(String), details: [] },
    })
  })

  it('refuses a cross-site form post even with a session', async () => {
    const { app } = await setup()
    const cookie = await signIn(app, 'alice', 'admin password 1')
    const res = await app.request('/api/admin/anything', {
      method: 'POST',
      headers: {
        Cookie: cookie,
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'publish=1',
    })
    expect(res.status).toBe(403)
    expect(await errorCode(res)).toBe('forbidden')
  })
})

describe('requireUser and requireRole', () => {
  // A tiny app shaped like the coming admin routes.
  const guardedApp = (ctx: Awaited<ReturnType<typeof setup>>) => {
    const sessions = createSessions({ db: ctx.db, clock: ctx.clock.now })
    return new Hono<AuthEnv>()
      .use('*', requireUser(sessions))
      .get('/aggregates', requireRole('researcher'), (c) => c.json({ who: c.get('user').username }))
      .post('/publish', requireRole('admin'), (c) => c.json({ who: c.get('user').username }))
      .onError((error, c) => renderError(error, c, () => {}))
  }

  it('lets an admin do everything', async () => {
    const ctx = await setup()
    const app = guardedApp(ctx)
    const cookie = await signIn(ctx.app, 'alice', 'admin password 1')
    const headers = { Cookie: cookie }
    expect(await (await app.request('/aggregates', { headers })).json()).toEqual({ who: 'alice' })
    const res = await app.request('/publish', { method: 'POST', headers })
    expect(await res.json()).toEqual({ who: 'alice' })
  })

  it('lets a researcher read but answers 403 forbidden to publishing', async () => {
    const ctx = await setup()
    const app = guardedApp(ctx)
    const headers = { Cookie: await signIn(ctx.app, 'rob', 'researcher password') }
    expect((await app.request('/aggregates', { headers })).status).toBe(200)
    const res = await app.request('/publish', { method: 'POST', headers })
    expect(res.status).toBe(403)
    expect(await errorCode(res)).toBe('forbidden')
  })

  it('answers 401 without a session, before any role check', async () => {
    const ctx = await setup()
    const res = await guardedApp(ctx).request('/publish', { method: 'POST' })
    expect(res.status).toBe(401)
    expect(await errorCode(res)).toBe('unauthorized')
  })

  it('answers 401 when requireRole is used without requireUser', async () => {
    const app = new Hono()
      .get('/x', requireRole('admin'), (c) => c.text('no'))
      .onError((error, c) => renderError(error, c, () => {}))
    expect((await app.request('/x')).status).toBe(401)
  })
})
