import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { listAudit } from '../db/queries/audit-log.js'
import type { Database } from '../db/schema.js'
import { main } from '../server/cli/admin.js'
import { miniSurvey } from './fixtures.js'
import {
  addSurvey,
  createAuthTestContext,
  createUser,
  signIn,
  signedInClient,
  TEST_PASSWORD_COST,
} from './helpers.js'

// Issue 14, finding 5: a token outlived its owner's new password, and no admin could revoke it.

const PASSWORD = 'correct horse battery staple'

async function setup() {
  const ctx = await createAuthTestContext()
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  await addSurvey(ctx.db, 'mini', miniSurvey)
  const client = async (username: string) => {
    const cookie = await signIn(ctx.app, username, PASSWORD)
    const send = (method: string, path: string) =>
      ctx.app.request(path, {
        method,
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      })
    return {
      ...signedInClient(ctx.app, cookie),
      delete: (path: string) => send('DELETE', path),
    }
  }
  const newToken = async (username: string, name = 'R on my laptop') => {
    const res = await (await client(username)).post('/api/admin/tokens', { name })
    expect(res.status).toBe(201)
    return (await res.json()) as { id: number; token: string }
  }
  const read = (token: string, path = '/api/admin/surveys/mini/releases', method = 'GET') =>
    ctx.app.request(path, { method, headers: { Authorization: `Bearer ${token}` } })
  // The real `npm run admin`, on this test's database (SQLite or PostgreSQL).
  const admin = (...args: string[]) =>
    main(args, {
      env: { DATABASE_URL: ctx.databaseUrl },
      stdout: () => {},
      stderr: () => {},
      readStdin: async () => 'a brand new password\n',
      passwordCost: TEST_PASSWORD_COST,
    })
  return { ...ctx, client, newToken, read, admin }
}

// Every audit write fails, as on a full or broken disk.
async function withoutAuditLog<T>(db: Kysely<Database>, work: () => T | Promise<T>) {
  await db.schema.alterTable('audit_log').renameTo('audit_log_away').execute()
  try {
    return await work()
  } finally {
    await db.schema.alterTable('audit_log_away').renameTo('audit_log').execute()
  }
}

describe('a new password revokes the API tokens of its user', () => {
  it('set-password: the old tokens get 401, another user’s token still works', async () => {
    const ctx = await setup()
    const { token: first } = await ctx.newToken('rasmus')
    const { token: second } = await ctx.newToken('rasmus', 'pandas')
    const { token: annas } = await ctx.newToken('anna')
    for (const token of [first, second, annas]) expect((await ctx.read(token)).status).toBe(200)

    expect(await ctx.admin('set-password', '--username', 'rasmus', '--password-stdin')).toBe(0)

    for (const token of [first, second]) expect((await ctx.read(token)).status).toBe(401)
    expect((await ctx.read(annas)).status).toBe(200)
    const rows = await ctx.db.selectFrom('api_tokens').select(['name', 'revoked_at']).execute()
    expect(rows.filter((row) => row.revoked_at !== null).map((row) => row.name).sort()).toEqual([
      'R on my laptop',
      'pandas',
    ])
    const [entry] = await listAudit(ctx.db, { limit: 1 })
    expect(entry).toMatchObject({
      actor: 'cli',
      action: 'user.password',
      target: 'rasmus',
      details: { tokensRevoked: 2 },
    })
  })
})

describe("admins list and revoke anyone's API tokens", () => {
  it("lists a user's tokens, never the tokens themselves; 404 for an unknown user", async () => {
    const ctx = await setup()
    const { id, token } = await ctx.newToken('rasmus')
    const anna = await ctx.client('anna')
    const res = await anna.get('/api/admin/users/Rasmus/tokens')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toEqual({
      tokens: [
        {
          id,
          name: 'R on my laptop',
          createdAt: expect.any(String),
          expiresAt: null,
          revokedAt: null,
          lastUsedOn: null,
          status: 'active',
        },
      ],
    })
    expect(JSON.stringify(body)).not.toContain(token.slice(4))
    for (const name of ['nobody', '%20']) {
      const missing = await anna.get(`/api/admin/users/${name}/tokens`)
      expect(missing.status).toBe(404)
      expect((await missing.json()).error.code).toBe('user_not_found')
    }
  })

  it("revokes another user's token: 204, then 401 for it, audited with its owner", async () => {
    const ctx = await setup()
    const { id, token } = await ctx.newToken('rasmus', 'pandas')
    const anna = await ctx.client('anna')
    expect((await anna.delete(`/api/admin/users/rasmus/tokens/${id}`)).status).toBe(204)
    expect((await ctx.read(token)).status).toBe(401)
    const list = await (await anna.get('/api/admin/users/rasmus/tokens')).json()
    expect(list.tokens[0]).toMatchObject({ id, status: 'revoked' })
    // Again: nothing changes, nothing more is recorded.
    expect((await anna.delete(`/api/admin/users/rasmus/tokens/${id}`)).status).toBe(204)
    const entries = await listAudit(ctx.db, { limit: 10 })
    expect(entries.filter((entry) => entry.action === 'token.revoke')).toEqual([
      {
        at: expect.any(String),
        actor: 'anna',
        action: 'token.revoke',
        target: 'pandas',
        details: { id, owner: 'rasmus' },
      },
    ])
  })

  it("answers 404 for a token of someone else, and leaves it working", async () => {
    const ctx = await setup()
    const { id, token } = await ctx.newToken('anna')
    const anna = await ctx.client('anna')
    for (const path of [`rasmus/tokens/${id}`, 'rasmus/tokens/999', 'rasmus/tokens/x']) {
      const res = await anna.delete(`/api/admin/users/${path}`)
      expect(res.status).toBe(404)
      expect((await res.json()).error.code).toBe('token_not_found')
    }
    const res = await anna.delete(`/api/admin/users/nobody/tokens/${id}`)
    expect((await res.json()).error.code).toBe('user_not_found')
    expect((await ctx.read(token)).status).toBe(200)
  })

  it('refuses researchers (403) and API tokens, even an admin’s (403)', async () => {
    const ctx = await setup()
    const { id, token } = await ctx.newToken('rasmus')
    const { token: annas } = await ctx.newToken('anna')
    const rasmus = await ctx.client('rasmus')
    expect((await rasmus.get('/api/admin/users/rasmus/tokens')).status).toBe(403)
    expect((await rasmus.delete(`/api/admin/users/rasmus/tokens/${id}`)).status).toBe(403)
    for (const [method, path] of [
      ['GET', '/api/admin/users/rasmus/tokens'],
      ['DELETE', `/api/admin/users/rasmus/tokens/${id}`],
    ]) {
      const res = await ctx.read(annas, path, method)
      expect(res.status).toBe(403)
      expect((await res.json()).error.code).toBe('token_not_allowed')
    }
    expect((await ctx.read(token)).status).toBe(200)
  })

  it('revokes nothing when its audit entry cannot be written', async () => {
    const ctx = await setup()
    const { id, token } = await ctx.newToken('rasmus')
    const anna = await ctx.client('anna')
    const res = await withoutAuditLog(ctx.db, () =>
      anna.delete(`/api/admin/users/rasmus/tokens/${id}`),
    )
    expect(res.status).toBe(500)
    expect((await ctx.read(token)).status).toBe(200)
  })
})
