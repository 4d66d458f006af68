import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { listAudit } from '../db/queries/audit-log.js'
import { miniSurvey } from './fixtures.js'
import {
  addSurvey,
  createAuthTestContext,
  createUser,
  postJson,
  signIn,
  signedInClient,
} from './helpers.js'

const PASSWORD = 'correct horse battery staple'
const DAY = 24 * 60 * 60 * 1000

async function setup() {
  const ctx = await createAuthTestContext()
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  await addSurvey(ctx.db, 'mini', miniSurvey)
  const client = async (username: string) => {
    const cookie = await signIn(ctx.app, username, PASSWORD)
    return {
      ...signedInClient(ctx.app, cookie),
      delete: (path: string) =>
        ctx.app.request(path, {
          method: 'DELETE',
          headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        }),
    }
  }
  const withToken = (token: string, path = '/api/admin/surveys/mini/releases') =>
    ctx.app.request(path, { headers: { Authorization: `Bearer ${token}` } })
  return { ...ctx, client, withToken }
}

interface Created {
  id: number
  name: string
  token: string
  expiresAt: string | null
}

async function createToken(
  client: Awaited<ReturnType<Awaited<ReturnType<typeof setup>>['client']>>,
  body: unknown = { name: 'R on my laptop' },
) {
  const res = await client.post('/api/admin/tokens', body)
  expect(res.status).toBe(201)
  return (await res.json()) as Created
}

const tokenRows = (ctx: Awaited<ReturnType<typeof setup>>) =>
  ctx.db.selectFrom('api_tokens').selectAll().execute()

describe('creating API tokens', () => {
  it('shows a prefixed 256-bit token once and stores only its SHA-256', async () => {
    const ctx = await setup()
    const rasmus = await ctx.client('rasmus')
    const created = await createToken(rasmus, { name: ' R on my laptop ', expiresInDays: 30 })
    expect(created).toEqual({
      id: expect.any(Number),
      name: 'R on my laptop',
      token: expect.stringMatching(/^hsv_[A-Za-z0-9_-]{43}$/),
      expiresAt: new Date(ctx.clock.now().getTime() + 30 * DAY).toISOString(),
    })
    const [row] = await tokenRows(ctx)
    expect(row.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'))
    expect(JSON.stringify(row)).not.toContain(created.token.slice(4))

    const list = await (await rasmus.get('/api/admin/tokens')).json()
    expect(list).toEqual({
      tokens: [
        {
          id: created.id,
          name: 'R on my laptop',
          createdAt: ctx.clock.now().toISOString(),
          expiresAt: created.expiresAt,
          revokedAt: null,
          lastUsedOn: null,
          status: 'active',
        },
      ],
    })
  })

  it('makes a different token every time, without expiry when none is asked for', async () => {
    const ctx = await setup()
    const anna = await ctx.client('anna')
    const first = await createToken(anna)
    const second = await createToken(anna)
    expect(first.token).not.toBe(second.token)
    expect(second.expiresAt).toBeNull()
  })

  it.each([
    ['no name', {}],
    ['an empty name', { name: '   ' }],
    ['a long name', { name: 'x'.repeat(101) }],
    ['zero days', { name: 'a', expiresInDays: 0 }],
    ['fractional days', { name: 'a', expiresInDays: 1.5 }],
    ['over a year', { name: 'a', expiresInDays: 366 }],
    ['an unknown field', { name: 'a', scope: 'write' }],
  ])('refuses %s with 400 invalid_body and creates nothing', async (_, body) => {
    const ctx = await setup()
    const res = await (await ctx.client('anna')).post('/api/admin/tokens', body)
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('invalid_body')
    expect(await tokenRows(ctx)).toEqual([])
  })

  it('refuses a body that is not JSON with 415', async () => {
    const ctx = await setup()
    const cookie = await signIn(ctx.app, 'anna', PASSWORD)
    const res = await ctx.app.request('/api/admin/tokens', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/xml' },
      body: '<name>x</name>',
    })
    expect(res.status).toBe(415)
    expect(await tokenRows(ctx)).toEqual([])
  })

  it('needs a session', async () => {
    const ctx = await setup()
    const res = await postJson(ctx.app, '/api/admin/tokens', { name: 'x' })
    expect(res.status).toBe(401)
    expect(await tokenRows(ctx)).toEqual([])
  })

  it("lists only the user's own tokens", async () => {
    const ctx = await setup()
    await createToken(await ctx.client('anna'), { name: 'anna’s' })
    const rasmus = await ctx.client('rasmus')
    await createToken(rasmus, { name: 'rasmus’s' })
    const list = await (await rasmus.get('/api/admin/tokens')).json()
    expect(list.tokens.map((t: { name: string }) => t.name)).toEqual(['rasmus’s'])
  })
})

describe('using API tokens', () => {
  it('reads results with the token alone, as its owner, and notes the day of use', async () => {
    const ctx = await setup()
    const { token } = await createToken(await ctx.client('rasmus'))
    const res = await ctx.withToken(token)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ releases: [] })
    const list = await ctx.withToken(token, '/api/admin/surveys')
    expect((await list.json()).surveys.map((s: { slug: string }) => s.slug)).toEqual(['mini'])
    const [row] = await tokenRows(ctx)
    expect(row.last_used_on).toBe(ctx.clock.now().toISOString().slice(0, 10))
  })

  it('downloads the export and the codebook, as the README examples do', async () => {
    const ctx = await setup()
    const { token } = await createToken(await ctx.client('rasmus'))
    const csv = await ctx.withToken(token, '/api/admin/surveys/mini/export?format=csv')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const codebook = await ctx.withToken(token, '/api/admin/surveys/mini/codebook?format=json')
    expect(codebook.status).toBe(200)
    expect(await codebook.json()).toMatchObject({ survey: 'mini' })
  })

  it('answers HEAD on a readable route', async () => {
    const ctx = await setup()
    const { token } = await createToken(await ctx.client('rasmus'))
    const res = await ctx.app.request('/api/admin/surveys', {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(200)
  })

  it.each([
    ['no token', 'Bearer'],
    ['another scheme', 'Basic YW5uYTpwYXNzd29yZA=='],
    ['a session token shape', `Bearer ${'a'.repeat(43)}`],
    ['an unknown token', `Bearer hsv_${'a'.repeat(43)}`],
    ['two tokens', `Bearer hsv_${'a'.repeat(43)} hsv_${'b'.repeat(43)}`],
  ])('answers 401 unauthorized to %s', async (_, header) => {
    const ctx = await setup()
    const res = await ctx.app.request('/api/admin/surveys', { headers: { Authorization: header } })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Bearer')
    expect((await res.json()).error.code).toBe('unauthorized')
  })

  it('judges a request with a token by the token, not by a session cookie it also carries', async () => {
    const ctx = await setup()
    const cookie = await signIn(ctx.app, 'anna', PASSWORD)
    const res = await ctx.app.request('/api/admin/surveys', {
      headers: { Cookie: cookie, Authorization: `Bearer hsv_${'a'.repeat(43)}` },
    })
    expect(res.status).toBe(401)
  })

  it('stops working when it expires', async () => {
    const ctx = await setup()
    const { token } = await createToken(await ctx.client('rasmus'), { name: 'a', expiresInDays: 1 })
    ctx.clock.advance(DAY - 1)
    expect((await ctx.withToken(token)).status).toBe(200)
    ctx.clock.advance(1)
    const res = await ctx.withToken(token)
    expect(res.status).toBe(401)
    expect((await res.json()).error.code).toBe('unauthorized')
    const list = await (await ctx.client('rasmus')).get('/api/admin/tokens')
    expect((await list.json()).tokens[0].status).toBe('expired')
  })

  it('dies with its owner', async () => {
    const ctx = await setup()
    const { token } = await createToken(await ctx.client('rasmus'))
    await ctx.db.deleteFrom('users').where('username', '=', 'rasmus').execute()
    expect((await ctx.withToken(token)).status).toBe(401)
    expect(await tokenRows(ctx)).toEqual([])
  })

  it('is no session: /api/auth/me does not accept it', async () => {
    const ctx = await setup()
    const { token } = await createToken(await ctx.client('anna'))
    const headers = { Authorization: `Bearer ${token}` }
    expect((await ctx.app.request('/api/auth/me', { headers })).status).toBe(401)
  })
})

describe('revoking API tokens', () => {
  it('revokes an own token: 204, then the token gets 401 and shows as revoked', async () => {
    const ctx = await setup()
    const rasmus = await ctx.client('rasmus')
    const { id, token } = await createToken(rasmus)
    expect((await ctx.withToken(token)).status).toBe(200)
    const res = await rasmus.delete(`/api/admin/tokens/${id}`)
    expect(res.status).toBe(204)
    const after = await ctx.withToken(token)
    expect(after.status).toBe(401)
    expect((await after.json()).error.code).toBe('unauthorized')
    const list = await (await rasmus.get('/api/admin/tokens')).json()
    expect(list.tokens[0]).toMatchObject({ id, status: 'revoked', revokedAt: expect.any(String) })
    // Revoking again changes nothing.
    expect((await rasmus.delete(`/api/admin/tokens/${id}`)).status).toBe(204)
  })

  it("answers 404 for another user's token, even to an admin, and leaves it working", async () => {
    const ctx = await setup()
    const { id, token } = await createToken(await ctx.client('rasmus'))
    const anna = await ctx.client('anna')
    for (const path of [`/api/admin/tokens/${id}`, '/api/admin/tokens/999', '/api/admin/tokens/x']) {
      const res = await anna.delete(path)
      expect(res.status).toBe(404)
      expect((await res.json()).error.code).toBe('token_not_found')
    }
    expect((await ctx.withToken(token)).status).toBe(200)
  })
})

describe('the audit log', () => {
  it('records who created and revoked which token, never the token', async () => {
    const ctx = await setup()
    const rasmus = await ctx.client('rasmus')
    const { id, token } = await createToken(rasmus, { name: 'pandas', expiresInDays: 7 })
    await rasmus.delete(`/api/admin/tokens/${id}`)
    await rasmus.delete(`/api/admin/tokens/${id}`)
    const entries = await listAudit(ctx.db, { limit: 10 })
    expect(entries).toEqual([
      {
        at: expect.any(String),
        actor: 'rasmus',
        action: 'token.revoke',
        target: 'pandas',
        details: { id },
      },
      {
        at: expect.any(String),
        actor: 'rasmus',
        action: 'token.create',
        target: 'pandas',
        details: { id, expiresAt: expect.any(String) },
      },
    ])
    expect(JSON.stringify(entries)).not.toContain(token.slice(4))
  })

  it('records nothing for a refused request', async () => {
    const ctx = await setup()
    const rasmus = await ctx.client('rasmus')
    await rasmus.post('/api/admin/tokens', { name: '' })
    await rasmus.delete('/api/admin/tokens/1')
    expect(await listAudit(ctx.db, { limit: 10 })).toEqual([])
  })
})
