import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { TEST_ENGINE } from './test-database.js'
import { RESPONSE_SIDE_TABLES } from '../db/schema.js'
import { codeHmac, normalizeCode } from '../server/domain/invitation-code.js'
import { validMiniAnswers } from './fixtures.js'
import { createTestContext, inviteOnlyMini, postJson } from './helpers.js'

// LimeSurvey's "anonymized responses" promise: a used code cannot be tied to the response it
// unlocked, nor to when it was used.
async function answeredWithCodes(count: number) {
  const ctx = await inviteOnlyMini(count)
  const { codes } = ctx
  for (const [i, code] of codes.entries()) {
    if (i % 2 === 1) continue // half of them used
    const answers = { ...validMiniAnswers, comment: `answer ${i}` }
    const res = await postJson(ctx.app, '/api/surveys/mini/responses', { answers, code })
    expect(res.status).toBe(201)
  }
  const secret = await ctx.db
    .selectFrom('server_secrets')
    .select('value')
    .where('name', '=', 'invitation-code-hmac')
    .executeTakeFirstOrThrow()
  const key = Buffer.from(secret.value, 'base64url')
  const hmacOf = (code: string) => codeHmac(key, normalizeCode(code)!)
  return { ...ctx, codes, hmacOf }
}

describe('anonymity of invitation codes', () => {
  it('has no column that links a response to a code', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    const tables = await db.introspection.getTables()
    const columnsOf = (name: string) =>
      tables.find((table) => table.name === name)!.columns.map((column) => column.name)
    expect(columnsOf('invitation_codes').sort()).toEqual(['code_hmac', 'survey_id', 'used'])
    for (const table of RESPONSE_SIDE_TABLES.filter((name) => name !== 'invitation_codes')) {
      for (const column of columnsOf(table)) expect(column, table).not.toMatch(/code|hmac|invit/i)
    }
  })

  it('keeps neither the code nor its HMAC with a response, and no time with a code', async () => {
    const { db, codes, hmacOf } = await answeredWithCodes(6)
    const responses = JSON.stringify([
      await db.selectFrom('responses').selectAll().execute(),
      await db.selectFrom('response_values').selectAll().execute(),
      await db.selectFrom('response_quiz_items').selectAll().execute(),
    ])
    for (const code of codes) {
      for (const trace of [code, code.replace(/-/g, ''), hmacOf(code)]) {
        expect(responses).not.toContain(trace)
      }
    }
    const stored = await db.selectFrom('invitation_codes').selectAll().execute()
    expect(stored.filter((row) => row.used === 1)).toHaveLength(3)
    const dump = JSON.stringify(stored)
    expect(dump).not.toMatch(/2026|14:37/) // the test clock's day and time
    expect(new Set(stored.map((row) => row.code_hmac))).toEqual(new Set(codes.map(hmacOf)))
  })

  // A skip, not an early return: PostgreSQL has no rowid to order by, and the test then checks
  // nothing (its heap order is rewritten by releases, see storage-traces.test.ts).
  const onSqlite = it.skipIf(TEST_ENGINE !== 'sqlite')
  onSqlite('stores codes in HMAC order, not in the order they were made or used', async () => {
    const { db, codes, hmacOf } = await answeredWithCodes(12)
    const scan = await sql<{ code_hmac: string }>`select code_hmac from invitation_codes`
      .execute(db)
    const scanned = scan.rows.map((row) => row.code_hmac)
    const made = codes.map(hmacOf)
    expect(scanned).toEqual([...made].sort())
    expect(scanned).not.toEqual(made)
  })
})
