import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSqliteDb } from '../db/connection.js'
import { listAudit } from '../db/queries/audit-log.js'
import { main } from '../server/cli/admin.js'
import { miniSurvey, validMiniAnswers } from './fixtures.js'
import { createTestContext, createUser, postJson, signIn, signedInClient, TEST_PASSWORD_COST } from './helpers.js'

const PASSWORD = 'correct horse battery staple'
const base = '/api/admin/surveys'
const NOW = '2026-11-25T14:37:21.123Z' // createTestContext's clock

async function setup() {
  const ctx = await createTestContext({ loadBundled: false })
  await createUser(ctx.db, 'anna', 'admin', PASSWORD)
  await createUser(ctx.db, 'rasmus', 'researcher', PASSWORD)
  const as = (cookie: string) => signedInClient(ctx.app, cookie)
  const admin = as(await signIn(ctx.app, 'anna', PASSWORD))
  const researcher = as(await signIn(ctx.app, 'rasmus', PASSWORD))
  const entries = async (query = '') => {
    const res = await admin.get(`/api/admin/audit${query}`)
    expect(res.status).toBe(200)
    return (await res.json()).entries as Record<string, unknown>[]
  }
  const answer = () =>
    postJson(ctx.app, '/api/surveys/mini/responses', { answers: validMiniAnswers })
  return { ...ctx, admin, researcher, entries, answer }
}

const renamed = { ...miniSurvey, title: 'Mini survey, revised' }

describe('admin audit log', () => {
  it('records each admin action once, by the signed-in admin, newest first', async () => {
    const { admin, entries, answer } = await setup()
    expect((await admin.post(base, { slug: 'mini', definition: miniSurvey })).status).toBe(201)
    expect((await admin.put(`${base}/mini`, { definition: renamed })).status).toBe(200)
    expect((await admin.post(`${base}/mini/publish`)).status).toBe(200)
    expect((await admin.put(`${base}/mini`, { definition: miniSurvey })).status).toBe(200)
    for (let i = 0; i < 5; i++) expect((await answer()).status).toBe(201)
    expect((await admin.post(`${base}/mini/releases`)).status).toBe(201)
    expect((await admin.post(`${base}/mini/close`)).status).toBe(200)

    const log = await entries()
    expect(log.map((e) => [e.action, e.details])).toEqual([
      ['release.create', { release: 2, kind: 'final' }],
      ['survey.close', { version: 2 }],
      ['release.create', { release: 1, kind: 'interim' }],
      ['survey.version', { version: 2 }],
      ['survey.publish', { version: 1 }],
      ['survey.replace-draft', { version: 1 }],
      ['survey.create', { version: 1 }],
    ])
    for (const entry of log) {
      expect(entry).toMatchObject({ at: NOW, actor: 'anna', target: 'mini' })
      expect(Object.keys(entry).sort()).toEqual(['action', 'actor', 'at', 'details', 'target'])
    }
  })

  it('records nothing for refused actions', async () => {
    const { admin, researcher, entries } = await setup()
    await admin.post(base, { slug: 'mini', definition: miniSurvey })
    const before = (await entries()).length
    const refused = [
      await admin.post(base, { slug: 'mini', definition: miniSurvey }), // 409 slug_taken
      await admin.post(base, { slug: 'Bad Slug', definition: miniSurvey }), // 422
      await admin.put(`${base}/mini`, { definition: { pages: [] } }), // 422
      await admin.post(`${base}/mini/close`), // 409: a draft cannot be closed
      await admin.post(`${base}/mini/releases`), // 409: not open
      await researcher.post(base, { slug: 'other', definition: miniSurvey }), // 403
      await researcher.post(`${base}/mini/publish`), // 403
    ]
    expect(refused.map((res) => res.status)).toEqual([409, 422, 422, 409, 409, 403, 403])
    expect(await entries()).toHaveLength(before)
  })

  it('holds nothing about respondents: a submission adds no entry', async () => {
    const { admin, entries, answer, db } = await setup()
    await admin.post(base, { slug: 'mini', definition: miniSurvey })
    await admin.post(`${base}/mini/publish`)
    const before = await entries()
    expect((await answer()).status).toBe(201)
    expect(await entries()).toEqual(before)
    const dump = JSON.stringify(await db.selectFrom('audit_log').selectAll().execute())
    for (const value of Object.values(validMiniAnswers)) {
      if (typeof value === 'string' && value.length > 3) expect(dump).not.toContain(value)
    }
  })

  it('is for admins only and honours ?limit=', async () => {
    const { app, admin, researcher, entries } = await setup()
    expect((await researcher.get('/api/admin/audit')).status).toBe(403)
    expect((await app.request('/api/admin/audit')).status).toBe(401)
    await admin.post(base, { slug: 'mini', definition: miniSurvey })
    await admin.post(`${base}/mini/publish`)
    expect((await entries('?limit=1')).map((e) => e.action)).toEqual(['survey.publish'])
    expect(await entries('?limit=5000')).toHaveLength(2)
    for (const bad of ['0', '-1', 'abc', '1.5']) {
      expect((await admin.get(`/api/admin/audit?limit=${bad}`)).status).toBe(422)
    }
  })
})

describe('admin audit log from the command line', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  it("records user chores with the actor 'cli', and nothing for refused ones", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-cli-'))
    dirs.push(dir)
    const dbPath = join(dir, 'survey.db')
    const run = (args: string[]) =>
      main(args, {
        env: { DATABASE_URL: `sqlite:${dbPath}` },
        stdout: () => {},
        stderr: () => {},
        readStdin: async () => '',
        passwordCost: TEST_PASSWORD_COST,
      })
    expect(await run(['create-user', '--username', 'Anna', '--role', 'admin'])).toBe(0)
    expect(await run(['create-user', '--username', 'rasmus', '--role', 'researcher'])).toBe(0)
    expect(await run(['set-password', '--username', 'rasmus'])).toBe(0)
    expect(await run(['delete-user', '--username', 'rasmus'])).toBe(0)
    expect(await run(['delete-user', '--username', 'anna'])).toBe(1) // the last admin
    expect(await run(['set-password', '--username', 'nobody'])).toBe(1)

    const db = createSqliteDb(dbPath)
    try {
      const log = await listAudit(db, { limit: 100 })
      expect(log.map((e) => [e.actor, e.action, e.target, e.details])).toEqual([
        ['cli', 'user.delete', 'rasmus', null],
        ['cli', 'user.password', 'rasmus', null],
        ['cli', 'user.create', 'rasmus', { role: 'researcher' }],
        ['cli', 'user.create', 'anna', { role: 'admin' }],
      ])
      for (const entry of log) expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    } finally {
      await db.destroy()
    }
  })
})
