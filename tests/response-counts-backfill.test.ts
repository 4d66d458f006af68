import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Migrator, sql, type Kysely } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { currentSchema } from '../db/dialect.js'
import { dimensionNames } from '../db/migrations/frozen/dimensions.js'
import { migrations } from '../db/migrations/index.js'
import { bundledDefinition } from './bench/answers.js'
import { measureBackfill } from './bench/backfill.js'
import { firstBackfill } from './bench/first-backfill.js'
import { generateResponses } from './bench/generate.js'
import { miniSurvey } from './fixtures.js'
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from './test-database.js'

// The response-counts migration counts the responses of an existing database. Its backfill was
// rewritten for speed (decision 008); it must give exactly the rows of its first version, kept
// in tests/bench/first-backfill.ts. Runs on both engines (TEST_ENGINE).
const COUNTS_MIGRATION = '2026-11-26T02-00_response-counts'
const BEFORE_COUNTS = '2026-11-26T00-00_invitation-codes'

const fiveDimensions = {
  dimensions: ['d1', 'd2', 'd3', 'd4', 'd5'],
  pages: [
    {
      name: 'p',
      elements: [
        ...['d1', 'd2', 'd3', 'd4', 'd5'].map((name) => ({
          type: 'dropdown',
          name,
          choices: ['x', 'y', 'z'],
        })),
        { type: 'rating', name: 'r', rateMin: 1, rateMax: 5 },
      ],
    },
  ],
}
const noDimensions = {
  pages: [{ name: 'p', elements: [{ type: 'rating', name: 'r', rateMin: 1, rateMax: 5 }] }],
}

// A small seeded generator (mulberry32), so a failure can be replayed.
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function fillBeforeCounts(db: Kysely<any>, seed: number) {
  const next = random(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
  const surveys = [
    { slug: 'bundled', versions: [bundledDefinition(), bundledDefinition()] },
    { slug: 'mini', versions: [miniSurvey] },
    { slug: 'five', versions: [fiveDimensions] },
    { slug: 'none', versions: [noDimensions] },
  ]
  const versionIds: { id: number; dims: string[] }[] = []
  for (const survey of surveys) {
    await db.insertInto('surveys').values({ slug: survey.slug, status: 'open' }).execute()
    const { id: surveyId } = await db
      .selectFrom('surveys')
      .select('id')
      .where('slug', '=', survey.slug)
      .executeTakeFirstOrThrow()
    for (const [i, definition] of survey.versions.entries()) {
      await db
        .insertInto('survey_versions')
        .values({
          survey_id: surveyId,
          version: i + 1,
          title: survey.slug,
          definition: JSON.stringify(definition),
          checksum: `${survey.slug}-${i}`,
        })
        .execute()
      const { id } = await db
        .selectFrom('survey_versions')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow()
      versionIds.push({ id: Number(id), dims: dimensionNames(definition) })
    }
  }
  let n = 0
  for (const version of versionIds) {
    const responses = 40 + Math.floor(next() * 40)
    for (let i = 0; i < responses; i++) {
      const id = (++n).toString(16).padStart(32, '0')
      await db
        .insertInto('responses')
        .values({
          id,
          survey_version_id: version.id,
          locale: 'fi',
          submitted_on: '2026-11-25',
          answers: '{}',
          knowledge_score: next() < 0.3 ? null : Math.floor(next() * 10) / 2,
          release_no: pick([null, null, 1, 2]),
        })
        .execute()
      const values: Record<string, unknown>[] = []
      // Dimension answers, sometimes missing (an optional dimension left empty).
      // 'region' also where it is no dimension: an ordinary answer there.
      for (const question of new Set([...version.dims, 'region'])) {
        if (next() < 0.85) {
          values.push({ question, item: '', value: pick(['a', 'b', 'c']), number: null })
        }
      }
      // Single answers, items of a matrix, numbers with and without a value, value-less rows.
      for (const question of ['q1', 'q2', 'q3']) {
        if (next() < 0.2) continue
        const number = next() < 0.4 ? Math.floor(next() * 5) + 1 : null
        const value = next() < 0.15 ? null : pick(['1', '2', 'yes', 'no'])
        values.push({ question, item: '', value, number })
      }
      for (const item of ['r1', 'r2']) {
        if (next() < 0.5) values.push({ question: 'm', item, value: pick(['x', 'y']), number: null })
      }
      for (const value of values) {
        await db.insertInto('response_values').values({ response_id: id, ...value }).execute()
      }
      for (const question of ['k1', 'k2']) {
        if (next() < 0.7) {
          const correct = next() < 0.5 ? 1 : 0
          await db
            .insertInto('response_quiz_items')
            .values({ response_id: id, question, correct })
            .execute()
        }
      }
    }
  }
  return versionIds
}

async function countRows(db: Kysely<any>) {
  const rows = await db.selectFrom('response_counts').selectAll().execute()
  return rows
    .map((row) => ({
      ...row,
      survey_id: Number(row.survey_id),
      release_no: Number(row.release_no),
      n: Number(row.n),
      numbers: Number(row.numbers),
      number_sum: Number(row.number_sum),
    }))
    .map((row) => JSON.stringify(row))
    .sort()
}

const databases: { database: TestDatabase; dir: string }[] = []
afterEach(async () => {
  for (const { database, dir } of databases.splice(0)) {
    await database.drop()
    rmSync(dir, { recursive: true, force: true })
  }
})

async function migratorAt(seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'survey-backfill-'))
  const database = await createTestDatabase(dir)
  databases.push({ database, dir })
  const db = database.db as Kysely<any>
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: await currentSchema(db),
  })
  const before = await migrator.migrateTo(BEFORE_COUNTS)
  if (before.error) throw before.error
  const versions = await fillBeforeCounts(db, seed)
  return { db, migrator, versions }
}

describe('the response-counts migration on an existing database', { timeout: 120_000 }, () => {
  for (const seed of [1, 2]) {
    it(`counts exactly the rows its first version counted (seed ${seed})`, async () => {
      const { db, migrator, versions } = await migratorAt(seed)
      const migrated = await migrator.migrateTo(COUNTS_MIGRATION)
      if (migrated.error) throw migrated.error
      const rewritten = await countRows(db)
      await db.deleteFrom('response_counts').execute()
      for (const version of versions) await firstBackfill(db, version.id, version.dims)
      const first = await countRows(db)
      expect(first.length).toBeGreaterThan(200)
      expect(rewritten).toEqual(first)
      // The temporary tables are gone with the migration.
      const left = await sql`select count(*) as n from backfill_cells`.execute(db).then(
        () => 'still there',
        () => 'gone',
      )
      expect(left).toBe('gone')
    })
  }
})

describe('the bench measurement of the backfill', { timeout: 120_000 }, () => {
  it.skipIf(TEST_ENGINE !== 'sqlite')('runs the migration and the first version to the same rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'survey-backfill-bench-'))
    try {
      const path = join(dir, 'bench.db')
      await generateResponses(path, 300, { variants: 4, seed: 5 })
      const measured = await measureBackfill(path)
      expect(measured.rows).toBeGreaterThan(100)
      expect(measured.sameRows).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
