import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { Database } from '../db/schema.js'
import { createApiTokens } from '../server/accounts/api-tokens.js'
import { requireUserOrToken } from '../server/accounts/bearer.js'
import { requireRole, type AuthEnv } from '../server/accounts/middleware.js'
import { createSessions } from '../server/accounts/sessions.js'
import { renderError } from '../server/platform/errors.js'
import { miniSurvey, validMiniAnswers } from './fixtures.js'
import {
  addSurvey,
  createAuthTestContext,
  createUser,
  postJson,
  signIn,
  signedInClient,
} from './helpers.js'

const PASSWORD = 'correct horse battery staple'
// README: a token "only reads: GET (or HEAD) of the survey list and detail, releases, timeline,
// aggregates, knowledge, export and codebook", and the XLSForm download ("or a token"). Written
// out here, not taken from the code under test.
const READABLE = new Set([
  'GET /api/admin/surveys/:slug/knowledge',
  'GET /api/admin/surveys/:slug/xlsform',
  'GET /api/admin/surveys',
  'GET /api/admin/surveys/:slug',
  'GET /api/admin/surveys/:slug/releases',
  'GET /api/admin/surveys/:slug/timeline',
  'GET /api/admin/surveys/:slug/aggregates',
  'GET /api/admin/surveys/:slug/export',
  'GET /api/admin/surveys/:slug/codebook',
])

// Every table an admin action could change.
const TABLES: (keyof Database)[] = [
  'surveys',
  'survey_versions',
  'responses',
  'releases',
  'users',
  'sessions',
  'audit_log',
  'api_tokens',
]

async function setup() {
  const ctx = await createAuthTestContext()
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  await addSurvey(ctx.db, 'mini', miniSurvey, 'open')
  await addSurvey(ctx.db, 'draft', miniSurvey, 'draft')
  for (let i = 0; i < 5; i++) {
    await postJson(ctx.app, '/api/surveys/mini/responses', { answers: validMiniAnswers })
  }
  // The strongest token there is: an admin's.
  const anna = signedInClient(ctx.app, await signIn(ctx.app, 'anna', PASSWORD))
  const created = await (await anna.post('/api/admin/tokens', { name: 'scripts' })).json()
  const snapshot = async () => {
    const tables: Record<string, unknown[]> = {}
    for (const table of TABLES) tables[table] = await ctx.db.selectFrom(table).selectAll().execute()
    return tables
  }
  return { ...ctx, token: created.token as string, tokenId: created.id as number, snapshot }
}

const send = (
  ctx: Awaited<ReturnType<typeof setup>>,
  method: string,
  path: string,
  body?: unknown,
) =>
  ctx.app.request(path, {
    method,
    headers: { Authorization: `Bearer ${ctx.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

// What users rely on by name; the walk below covers every other non-read route as well.
const CHANGES: [string, string, string, unknown?][] = [
  ['publish a draft', 'POST', '/api/admin/surveys/draft/publish'],
  ['close a survey', 'POST', '/api/admin/surveys/mini/close'],
  ['replace a definition', 'PUT', '/api/admin/surveys/mini', { definition: miniSurvey }],
  ['create a survey', 'POST', '/api/admin/surveys', { slug: 'new-one', definition: miniSurvey }],
  ['make a release', 'POST', '/api/admin/surveys/mini/releases'],
  ['create a token', 'POST', '/api/admin/tokens', { name: 'another' }],
  ['list tokens', 'GET', '/api/admin/tokens'],
  ['revoke a token', 'DELETE', '/api/admin/tokens/1'],
  ['read the audit log', 'GET', '/api/admin/audit'],
]

describe('API token scope', () => {
  it.each(CHANGES)('a token cannot %s: 403 token_not_allowed, nothing changes', async (_, method, path, body) => {
    const ctx = await setup()
    const before = await ctx.snapshot()
    const res = await send(ctx, method, path, body)
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({
      error: { code: 'token_not_allowed', message: expect.any(String), details: [] },
    })
    expect(await ctx.snapshot()).toEqual(before)
  })

  it('refuses every admin route that is not a read-only results route, and changes nothing', async () => {
    const ctx = await setup()
    const refused = [
      ...new Set(
        ctx.app.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/admin/'))
          .map((r) => `${r.method} ${r.path}`)
          .filter((key) => !READABLE.has(key)),
      ),
    ]
    // The walk must see the changing routes, or it proves nothing.
    for (const [, method, path] of CHANGES) {
      const pattern = path.replace('/draft/', '/:slug/').replace('/mini', '/:slug').replace('/1', '/:id')
      expect(refused).toContain(`${method} ${pattern}`)
    }
    const before = await ctx.snapshot()
    for (const key of refused) {
      const [method, pattern] = key.split(' ')
      const path = pattern
        .replace(':slug', 'mini')
        .replace(':id', String(ctx.tokenId))
        .replace(/:\w+(\{[^}]*\})?/g, 'x')
      const res = await send(ctx, method, path, method === 'GET' ? undefined : {})
      expect({ key, status: res.status }).toEqual({ key, status: 403 })
    }
    expect(await ctx.snapshot()).toEqual(before)
  })

  it('reads every route the README lists, with GET and HEAD', async () => {
    const ctx = await setup()
    for (const key of READABLE) {
      const path = key.split(' ')[1].replace(':slug', 'mini')
      for (const method of ['GET', 'HEAD']) {
        const res = await ctx.app.request(path, {
          method,
          headers: { Authorization: `Bearer ${ctx.token}` },
        })
        expect({ key, method, status: res.status }).toEqual({ key, method, status: 200 })
      }
    }
  })

  it('answers token_not_allowed to a POST without a Content-Type, as curl -X POST sends it', async () => {
    const ctx = await setup()
    const before = await ctx.snapshot()
    const res = await ctx.app.request('/api/admin/surveys/mini/close', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ctx.token}` },
    })
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('token_not_allowed')
    expect(await ctx.snapshot()).toEqual(before)
  })

  it('still refuses a cross-site form post that carries a session cookie', async () => {
    const ctx = await setup()
    const cookie = await signIn(ctx.app, 'anna', PASSWORD)
    const res = await ctx.app.request('/api/admin/surveys/mini/close', {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      body: '{}',
    })
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('forbidden')
  })

  it('may not use a readable path with another method', async () => {
    const ctx = await setup()
    const res = await send(ctx, 'POST', '/api/admin/surveys/mini/releases')
    expect(res.status).toBe(403)
    expect(await ctx.db.selectFrom('releases').selectAll().execute()).toEqual([])
  })

  it('answers 401 to a revoked token, even on a route it could never use', async () => {
    const ctx = await setup()
    const cookie = await signIn(ctx.app, 'anna', PASSWORD)
    const revoke = await ctx.app.request(`/api/admin/tokens/${ctx.tokenId}`, {
      method: 'DELETE',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
    })
    expect(revoke.status).toBe(204)
    for (const [method, path] of [
      ['GET', '/api/admin/surveys/mini/aggregates'],
      ['POST', '/api/admin/surveys/mini/close'],
    ]) {
      const res = await send(ctx, method, path)
      expect(res.status).toBe(401)
      expect((await res.json()).error.code).toBe('unauthorized')
    }
    const anna = signedInClient(ctx.app, cookie)
    expect((await (await anna.get('/api/admin/surveys')).json()).surveys).toContainEqual(
      expect.objectContaining({ slug: 'mini', status: 'open' }),
    )
  })
})

describe('a token acts with its owner’s current role', () => {
  // A tiny app with one admin-only readable route, as an export only admins may read would be.
  const guardedApp = (ctx: Awaited<ReturnType<typeof setup>>) => {
    const sessions = createSessions({ db: ctx.db, clock: ctx.clock.now })
    const tokens = createApiTokens({ db: ctx.db, clock: ctx.clock.now })
    return new Hono<AuthEnv>()
      .use('*', requireUserOrToken({ sessions, tokens, tokenRoutes: new Set(['GET /admin-read']) }))
      .get('/admin-read', requireRole('admin'), (c) => c.json({ who: c.get('user').username }))
      .onError((error, c) => renderError(error, c, () => {}))
  }

  it('passes while the owner is an admin and is refused once they are a researcher', async () => {
    const ctx = await setup()
    const app = guardedApp(ctx)
    const headers = { Authorization: `Bearer ${ctx.token}` }
    expect(await (await app.request('/admin-read', { headers })).json()).toEqual({ who: 'anna' })
    await ctx.db.updateTable('users').set({ role: 'researcher' }).where('username', '=', 'anna').execute()
    const res = await app.request('/admin-read', { headers })
    expect(res.status).toBe(403)
    expect((await res.json()).error.code).toBe('forbidden')
  })
})
