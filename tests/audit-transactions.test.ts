import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import { listAudit } from '../db/queries/audit-log.js'
import { listUsers } from '../db/queries/users.js'
import type { Database } from '../db/schema.js'
import { ensureInitialAdmin } from '../server/accounts/initial-admin.js'
import { main } from '../server/cli/admin.js'
import { miniSurvey, validMiniAnswers } from './fixtures.js'
import {
  createTestContext,
  createUser,
  postJson,
  signedInClient,
  signIn,
  TEST_PASSWORD_COST,
} from './helpers.js'

const PASSWORD = 'correct horse battery staple'
const base = '/api/admin/surveys'

// Takes the audit log away for a moment: every audit write fails, as on a full or broken disk.
async function withoutAuditLog<T>(db: Kysely<Database>, work: () => T | Promise<T>) {
  await db.schema.alterTable('audit_log').renameTo('audit_log_away').execute()
  try {
    return await work()
  } finally {
    await db.schema.alterTable('audit_log_away').renameTo('audit_log').execute()
  }
}

const statusOf = async (db: Kysely<Database>, slug: string) =>
  (await db.selectFrom('surveys').select('status').where('slug', '=', slug).executeTakeFirst())
    ?.status

describe('an admin action is stored together with its audit entry, or not at all', () => {
  it('publish, interim release and close', async () => {
    const { app, db } = await createTestContext({ loadBundled: false })
    await createUser(db, 'anna', 'admin', PASSWORD)
    const admin = signedInClient(app, await signIn(app, 'anna', PASSWORD))
    expect((await admin.post(base, { slug: 'mini', definition: miniSurvey })).status).toBe(201)

    const publish = await withoutAuditLog(db, () => admin.post(`${base}/mini/publish`))
    expect(publish.status).toBe(500)
    expect(await statusOf(db, 'mini')).toBe('draft')
    expect((await admin.post(`${base}/mini/publish`)).status).toBe(200)
    for (let i = 0; i < 5; i++) {
      const res = await postJson(app, '/api/surveys/mini/responses', { answers: validMiniAnswers })
      expect(res.status).toBe(201)
    }

    const interim = await withoutAuditLog(db, () => admin.post(`${base}/mini/releases`))
    expect(interim.status).toBe(500)
    expect(await db.selectFrom('releases').selectAll().execute()).toEqual([])
    // Still pending: stored under the number of the release they will be in (decision 008),
    // with no release tables made for it.
    const unreleased = await db.selectFrom('responses').select('release_no').execute()
    expect(unreleased.map((row) => row.release_no)).toEqual([1, 1, 1, 1, 1])
    expect(await db.selectFrom('release_tables').select('release_no').execute()).toEqual([])

    const close = await withoutAuditLog(db, () => admin.post(`${base}/mini/close`))
    expect(close.status).toBe(500)
    expect(await statusOf(db, 'mini')).toBe('open')
    expect(await db.selectFrom('releases').selectAll().execute()).toEqual([])

    expect((await admin.post(`${base}/mini/close`)).status).toBe(200)
    const log = await listAudit(db, { limit: 10 })
    expect(log.map((entry) => [entry.action, entry.details])).toEqual([
      ['release.create', { release: 1, kind: 'final' }],
      ['survey.close', { version: 1 }],
      ['survey.publish', { version: 1 }],
      ['survey.create', { version: 1 }],
    ])
  })

  it('create, replace a draft and publish a new version', async () => {
    const { app, db } = await createTestContext({ loadBundled: false })
    await createUser(db, 'anna', 'admin', PASSWORD)
    const admin = signedInClient(app, await signIn(app, 'anna', PASSWORD))
    const versionsOf = async (slug: string) =>
      db
        .selectFrom('survey_versions')
        .innerJoin('surveys', 'surveys.id', 'survey_versions.survey_id')
        .select(['survey_versions.version', 'survey_versions.title'])
        .where('surveys.slug', '=', slug)
        .orderBy('survey_versions.version')
        .execute()
    const renamed = { ...miniSurvey, title: 'Renamed' }

    const create = await withoutAuditLog(db, () => admin.post(base, { slug: 'mini', definition: miniSurvey }))
    expect(create.status).toBe(500)
    expect(await statusOf(db, 'mini')).toBeUndefined()
    expect((await admin.post(base, { slug: 'mini', definition: miniSurvey })).status).toBe(201)

    const draft = await withoutAuditLog(db, () => admin.put(`${base}/mini`, { definition: renamed }))
    expect(draft.status).toBe(500)
    expect((await versionsOf('mini')).map((v) => v.title)).toEqual(['Mini survey'])

    expect((await admin.post(`${base}/mini/publish`)).status).toBe(200)
    const version = await withoutAuditLog(db, () => admin.put(`${base}/mini`, { definition: renamed }))
    expect(version.status).toBe(500)
    expect((await versionsOf('mini')).map((v) => v.version)).toEqual([1])

    const log = await listAudit(db, { limit: 10 })
    expect(log.map((entry) => entry.action)).toEqual(['survey.publish', 'survey.create'])
  })

  it('account chores on the command line', async () => {
    const { db, databaseUrl } = await createTestContext({ loadBundled: false })
    const run = (args: string[]) =>
      main(args, {
        env: { DATABASE_URL: databaseUrl },
        stdout: () => {},
        stderr: () => {},
        readStdin: async () => '',
        passwordCost: TEST_PASSWORD_COST,
      })
    await createUser(db, 'anna', 'admin', PASSWORD)
    await createUser(db, 'rasmus', 'researcher', PASSWORD)
    const hashOf = async (username: string) =>
      (await db.selectFrom('users').select('password_hash').where('username', '=', username)
        .executeTakeFirst())?.password_hash
    const before = await hashOf('rasmus')

    const codes = await withoutAuditLog(db, async () => [
      await run(['create-user', '--username', 'liisa', '--role', 'researcher']),
      await run(['set-password', '--username', 'rasmus']),
      await run(['delete-user', '--username', 'rasmus']),
    ])
    expect(codes).toEqual([1, 1, 1])
    expect((await listUsers(db)).map((user) => user.username)).toEqual(['anna', 'rasmus'])
    expect(await hashOf('rasmus')).toBe(before)
    expect(await listAudit(db, { limit: 10 })).toEqual([])
  })
})

describe('the first admin created at start-up', () => {
  it("is recorded in the audit log with the actor 'system'", async () => {
    const { db } = await createTestContext({ loadBundled: false })
    const admin = { username: 'Chief', password: 'a chosen admin password' }
    await ensureInitialAdmin(db, { ...admin, passwordCost: TEST_PASSWORD_COST }, () => {})
    const log = await listAudit(db, { limit: 10 })
    expect(log.map((e) => [e.actor, e.action, e.target, e.details])).toEqual([
      ['system', 'user.create', 'chief', { role: 'admin' }],
    ])
    expect(JSON.stringify(log)).not.toContain(admin.password)
  })

  it('is not created when its audit entry cannot be written', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    const start = () => ensureInitialAdmin(db, { passwordCost: TEST_PASSWORD_COST }, () => {})
    await expect(withoutAuditLog(db, start)).rejects.toThrow()
    expect(await listUsers(db)).toEqual([])
    expect(await start()).toBe('created-with-generated-password')
    expect(await listUsers(db)).toHaveLength(1)
  })
})
