import { describe, expect, it, vi } from 'vitest'
import { hashToken } from '../server/accounts/sessions.js'
import { createAuthTestContext, createUser, postJson, signIn } from './helpers.js'

const PASSWORD = 'correct horse battery'

const setup = async (auth = {}) => {
  const ctx = await createAuthTestContext(auth)
  await createUser(ctx.db, 'alice', 'admin', PASSWORD)
  await createUser(ctx.db, 'rob', 'researcher', 'researcher password')
  return ctx
}

type App = Awaited<ReturnType<typeof setup>>['app']

const login = (app: App, body: unknown, url = '/api/auth/login', headers = {}) =>
  postJson(app, url, body, headers)

const me = (app: App, cookie?: string) =>
  app.request('/api/auth/me', { headers: cookie ? { Cookie: cookie } : {} })

const logout = (app: App, cookie?: string) =>
  app.request('/api/auth/logout', {
    method: 'POST',
    headers: { Origin: 'http://localhost', ...(cookie ? { Cookie: cookie } : {}) },
  })

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]

const expectError = async (res: Response, status: number, code: string) => {
  expect(res.status).toBe(status)
  const body = await res.json()
  expect(body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Array) } })
  return body
}

describe('POST /api/auth/login', () => {
  it('signs in with an HttpOnly, SameSite=Strict cookie, not Secure over http', async () => {
    const { app } = await setup()
    const res = await login(app, { username: 'alice', password: PASSWORD })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ user: { username: 'alice', role: 'admin' } })
    // The session cookie; the device cookie beside it is tested in auth-device-cookie.test.ts.
    const cookie = res.headers.getSetCookie()[0] ?? ''
    expect(cookie).toMatch(/^session=[A-Za-z0-9_-]{43};/)
    expect(cookie).toMatch(/; HttpOnly/)
    expect(cookie).toMatch(/; SameSite=Strict/)
    expect(cookie).toMatch(/; Path=\//)
    expect(cookie).not.toMatch(/Secure/)
    expect(cookie).not.toMatch(/Max-Age|Expires/)
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('marks the cookie Secure when the request came over https', async () => {
    const { app } = await setup()
    const body = { username: 'alice', password: PASSWORD }
    const res = await login(app, body, 'https://x/api/auth/login')
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/)
  })

  it('trusts X-Forwarded-Proto only when trustProxy is set', async () => {
    const forwarded = { 'X-Forwarded-Proto': 'https' }
    const body = { username: 'alice', password: PASSWORD }
    const plain = await setup()
    const ignored = await login(plain.app, body, '/api/auth/login', forwarded)
    expect(ignored.headers.get('set-cookie')).not.toMatch(/Secure/)
    const proxied = await setup({ trustProxy: true })
    const trusted = await login(proxied.app, body, '/api/auth/login', forwarded)
    expect(trusted.headers.get('set-cookie')).toMatch(/; Secure/)
  })

  it('follows secureCookies when it is set explicitly', async () => {
    const { app } = await setup({ secureCookies: true })
    const res = await login(app, { username: 'alice', password: PASSWORD })
    expect(res.headers.get('set-cookie')).toMatch(/; Secure/)
  })

  it('accepts the username in any case', async () => {
    const { app } = await setup()
    const res = await login(app, { username: ' ALICE ', password: PASSWORD })
    expect(res.status).toBe(200)
    expect((await res.json()).user.username).toBe('alice')
  })

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const { app, db } = await setup()
    const wrong = await login(app, { username: 'alice', password: 'not the password' })
    const unknown = await login(app, { username: 'mallory', password: 'not the password' })
    const wrongBody = await expectError(wrong, 401, 'invalid_credentials')
    const unknownBody = await expectError(unknown, 401, 'invalid_credentials')
    expect(wrongBody).toEqual(unknownBody)
    expect(wrong.headers.get('set-cookie')).toBeNull()
    expect(unknown.headers.get('set-cookie')).toBeNull()
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([])
  })

  it.each([
    ['malformed JSON', '{"username":', 400, 'malformed_json'],
    ['a missing password', { username: 'alice' }, 400, 'invalid_body'],
    ['a non-string password', { username: 'alice', password: 12 }, 400, 'invalid_body'],
    ['an unknown field', { username: 'alice', password: PASSWORD, keep: 1 }, 400, 'invalid_body'],
    ['an empty username', { username: '', password: PASSWORD }, 400, 'invalid_body'],
  ])('refuses %s with 400', async (_name, body, status, code) => {
    const { app, db } = await setup()
    await expectError(await login(app, body), status, code)
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([])
  })

  it('refuses a body that is not JSON with 415', async () => {
    const { app } = await setup()
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Origin: 'http://localhost' },
      body: JSON.stringify({ username: 'alice', password: PASSWORD }),
    })
    await expectError(res, 415, 'unsupported_media_type')
  })

  it('refuses a cross-site form post and creates no session', async () => {
    const { app, db } = await setup()
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'https://evil.example',
      },
      body: `username=alice&password=${encodeURIComponent(PASSWORD)}`,
    })
    await expectError(res, 403, 'forbidden')
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([])
  })

  it('refuses a form post with neither Origin nor Sec-Fetch-Site', async () => {
    const { app } = await setup()
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'username=alice',
    })
    await expectError(res, 403, 'forbidden')
  })

  it('refuses a body over 4 KiB with 413', async () => {
    const { app } = await setup()
    const res = await login(app, { username: 'alice', password: 'x'.repeat(5000) })
    await expectError(res, 413, 'payload_too_large')
  })

  it('never logs the password', async () => {
    const { app, errors } = await setup()
    const stdout = vi.spyOn(process.stdout, 'write')
    const stderr = vi.spyOn(process.stderr, 'write')
    const consoles = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method),
    )
    try {
      await login(app, { username: 'alice', password: PASSWORD })
      await login(app, { username: 'alice', password: 'a wrong secret password' })
      await login(app, { username: 'nobody', password: 'an unknown user secret' })
      await login(app, { username: 'alice', password: 42 })
      const calls = [stdout, stderr, ...consoles].flatMap((spy) => spy.mock.calls)
      const printed = JSON.stringify(calls) + JSON.stringify(errors)
      for (const secret of [PASSWORD, 'a wrong secret password', 'an unknown user secret']) {
        expect(printed).not.toContain(secret)
      }
    } finally {
      vi.restoreAllMocks()
    }
  })
})

describe('sessions', () => {
  it('GET /api/auth/me answers the signed-in user, and 401 without a session', async () => {
    const { app } = await setup()
    await expectError(await me(app), 401, 'unauthorized')
    await expectError(await me(app, 'session=not-a-real-token'), 401, 'unauthorized')
    const cookie = await signIn(app, 'rob', 'researcher password')
    const res = await me(app, cookie)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ user: { username: 'rob', role: 'researcher' } })
  })

  it('stores only a hash of the token', async () => {
    const { app, db } = await setup()
    const cookie = await signIn(app, 'alice', PASSWORD)
    const token = cookie.slice('session='.length)
    const rows = await db.selectFrom('sessions').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(rows[0].token_hash).toBe(hashToken(token))
  })

  it('logout ends the session on the server and clears the cookie', async () => {
    const { app, db } = await setup()
    const cookie = await signIn(app, 'alice', PASSWORD)
    const res = await logout(app, cookie)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
    const cleared = res.headers.get('set-cookie') ?? ''
    expect(cleared).toMatch(/^session=;/)
    expect(cleared).toMatch(/Max-Age=0/)
    expect(cleared).toMatch(/; HttpOnly/)
    expect(cleared).toMatch(/; SameSite=Strict/)
    expect(await db.selectFrom('sessions').selectAll().execute()).toEqual([])
    await expectError(await me(app, cookie), 401, 'unauthorized')
  })

  it('logout without a session still answers 200', async () => {
    const { app } = await setup()
    const res = await logout(app)
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/^session=;/)
  })

  it('logout also works as a same-origin JSON post without Origin', async () => {
    const { app } = await setup()
    const cookie = await signIn(app, 'alice', PASSWORD)
    const res = await postJson(app, '/api/auth/logout', {}, { Cookie: cookie })
    expect(res.status).toBe(200)
    await expectError(await me(app, cookie), 401, 'unauthorized')
  })

  it('renews the session at sign-in: the token the browser had before stops working', async () => {
    const { app, db } = await setup()
    const first = await signIn(app, 'alice', PASSWORD)
    const res = await login(app, { username: 'alice', password: PASSWORD }, '/api/auth/login', {
      Cookie: first,
    })
    const second = cookieOf(res)
    expect(second).not.toBe(first)
    await expectError(await me(app, first), 401, 'unauthorized')
    expect((await me(app, second)).status).toBe(200)
    expect(await db.selectFrom('sessions').selectAll().execute()).toHaveLength(1)
  })

  it('keeps separate sessions for separate browsers', async () => {
    const { app } = await setup()
    const phone = await signIn(app, 'alice', PASSWORD)
    const laptop = await signIn(app, 'alice', PASSWORD)
    expect((await me(app, phone)).status).toBe(200)
    expect((await me(app, laptop)).status).toBe(200)
  })

  it('ends sessions when the user is deleted', async () => {
    const { app, db } = await setup()
    const cookie = await signIn(app, 'rob', 'researcher password')
    await db.deleteFrom('users').where('username', '=', 'rob').execute()
    await expectError(await me(app, cookie), 401, 'unauthorized')
  })
})
