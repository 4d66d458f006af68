import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator, type Kysely } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { currentSchema } from '../db/dialect.js'
import { migrations } from '../db/migrations/index.js'
import { miniSurvey } from './fixtures.js'
import { createTestDatabase, listColumns, type TestDatabase } from './test-database.js'

// The answers move out of `responses` into `response_answers` (decision 008, third step): every
// response keeps its answers, release and other columns, and `down` puts them back.
const MIGRATION = '2026-12-05T01-00_response-answers'
const NAMES = Object.keys(migrations).sort()
const BEFORE = NAMES[NAMES.indexOf(MIGRATION) - 1]

const databases: { database: TestDatabase; dir: string }[] = []
afterEach(async () => {
  for (const { database, dir } of databases.splice(0)) {
    await database.drop()
    rmSync(dir, { recursive: true, force: true })
  }
})

const RESPONSES = [
  { id: 'a'.repeat(32), release_no: 1, answers: '{"sector":"health","comment":"first"}' },
  { id: 'b'.repeat(32), release_no: null, answers: '{"sector":"social","comment":"second"}' },
  { id: 'c'.repeat(32), release_no: null, answers: '{"comment":"üñí \\"quoted\\""}' },
]

async function before() {
  const dir = mkdtempSync(join(tmpdir(), 'survey-answers-'))
  const database = await createTestDatabase(dir)
  databases.push({ database, dir })
  const db = database.db as Kysely<any>
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: await currentSchema(db),
  })
  const reached = await migrator.migrateTo(BEFORE)
  if (reached.error) throw reached.error
  await db.insertInto('surveys').values({ slug: 'mini', status: 'open' }).execute()
  const { id: surveyId } = await db.selectFrom('surveys').select('id').executeTakeFirstOrThrow()
  await db
    .insertInto('survey_versions')
    .values({
      survey_id: surveyId,
      version: 1,
      title: 'mini',
      definition: JSON.stringify(miniSurvey),
      checksum: 'mini-1',
    })
    .execute()
  const { id: versionId } = await db
    .selectFrom('survey_versions')
    .select('id')
    .executeTakeFirstOrThrow()
  for (const [i, response] of RESPONSES.entries()) {
    await db
      .insertInto('responses')
      .values({
        ...response,
        survey_version_id: versionId,
        locale: 'fi',
        submitted_on: '2026-11-2' + i,
        knowledge_score: i === 0 ? null : i / 2,
      })
      .execute()
    await db
      .insertInto('response_values')
      .values({ response_id: response.id, question: 'q', item: '', value: String(i), number: i })
      .execute()
  }
  return { db, migrator }
}

const kept = (db: Kysely<any>) =>
  db
    .selectFrom('responses')
    .select(['id', 'survey_version_id', 'locale', 'submitted_on', 'knowledge_score', 'release_no'])
    .orderBy('id')
    .execute()

describe('the migration that moves the answers out of the responses row', () => {
  it('keeps every response whole, its answers in response_answers, and goes back', async () => {
    const { db, migrator } = await before()
    const columns = await kept(db)
    const up = await migrator.migrateTo(MIGRATION)
    if (up.error) throw up.error
    expect(await listColumns(db, 'responses')).not.toContain('answers')
    expect((await listColumns(db, 'response_answers')).sort()).toEqual(['answers', 'response_id'])
    expect(await db.selectFrom('response_answers').selectAll().orderBy('response_id').execute())
      .toEqual(RESPONSES.map(({ id, answers }) => ({ response_id: id, answers })))
    expect(await kept(db)).toEqual(columns)
    const values = await db.selectFrom('response_values').select('response_id').execute()
    expect(values).toHaveLength(3)
    // Deleting a response takes its answers with it, as it does its answer rows.
    await db.deleteFrom('response_values').where('response_id', '=', RESPONSES[2].id).execute()
    await db.deleteFrom('responses').where('id', '=', RESPONSES[2].id).execute()
    const left = db.selectFrom('response_answers').select('response_id').orderBy('response_id')
    expect(await left.execute()).toEqual(RESPONSES.slice(0, 2).map(({ id }) => ({ response_id: id })))

    const down = await migrator.migrateDown()
    if (down.error) throw down.error
    expect(await db.selectFrom('responses').select(['id', 'answers']).orderBy('id').execute())
      .toEqual(RESPONSES.slice(0, 2).map(({ id, answers }) => ({ id, answers })))
    expect(await kept(db)).toEqual(columns.slice(0, 2))
  })
})
