import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { migrateToLatest } from '../db/migrate.js'
import { createTestContext } from './helpers.js'
import { listTables, TEST_ENGINE } from './test-database.js'

const onSqlite = it.skipIf(TEST_ENGINE !== 'sqlite')

describe('storage', () => {
  onSqlite('opens every connection with WAL, full sync, foreign keys, busy timeout and secure delete', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    const read = async (name: string) =>
      Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0]
    expect(await read('journal_mode')).toBe('wal')
    expect(await read('synchronous')).toBe(2) // FULL
    expect(await read('foreign_keys')).toBe(1)
    expect(Number(await read('busy_timeout'))).toBeGreaterThanOrEqual(5000)
    expect(await read('secure_delete')).toBe(1)
  })

  it('migrates idempotently', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    const before = await listTables(db)
    await migrateToLatest(db)
    expect(await listTables(db)).toEqual(before)
    expect(before).toEqual(
      expect.arrayContaining(['responses', 'response_values', 'surveys', 'users', 'sessions']),
    )
  })

  onSqlite('keeps response tables WITHOUT ROWID so storage order does not reveal arrival order', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    const list = await sql<{ name: string; wr: number }>`pragma table_list`.execute(db)
    const withoutRowid = Object.fromEntries(list.rows.map((row) => [row.name, row.wr]))
    expect(withoutRowid).toMatchObject({
      responses: 1,
      response_answers: 1,
      response_values: 1,
      response_quiz_items: 1,
    })
  })

  it('refuses a response that points at no survey version', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    await expect(
      db
        .insertInto('responses')
        .values({
          id: 'a'.repeat(32),
          survey_version_id: 999,
          locale: 'fi',
          submitted_on: '2026-11-25',
          knowledge_score: null,
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/i)
  })

  it('refuses a submission time finer than a day', async () => {
    const { db } = await createTestContext({ loadBundled: false })
    await expect(
      sql`insert into responses (id, survey_version_id, locale, submitted_on)
          values (${'b'.repeat(32)}, 1, 'fi', '2026-11-25T10:00:00Z')`.execute(db),
    ).rejects.toThrow(/CHECK/i)
  })
})
