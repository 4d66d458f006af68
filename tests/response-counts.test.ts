import { randomBytes } from 'node:crypto'
import fc from 'fast-check'
import type { Kysely } from 'kysely'
import { describe, expect, it } from 'vitest'
import {
  aggregateReader,
  countAnswers,
  countGroups,
  knowledgeScores,
  quizShares,
  type AggregateReader,
  type AggregateScope,
} from '../db/queries/aggregates.js'
import { createRelease } from '../db/queries/releases.js'
import { releaseTablesReader } from '../db/queries/release-tables.js'
import { countsLayout, countsReader } from '../db/queries/counts-reader.js'
import { rebuildResponseCounts } from '../db/queries/response-counts.js'
import { insertResponse } from '../db/queries/responses.js'
import { findLatestVersion } from '../db/queries/surveys.js'
import type { Database } from '../db/schema.js'
import { prepareResponse } from '../server/domain/prepare-response.js'
import { answerGenerator, bundledDefinition } from './bench/answers.js'
import { addSurvey, BUNDLED_SLUG, createTestContext } from './helpers.js'
import { integrityRuns } from './property-runs.js'
import { TEST_ENGINE } from './test-database.js'

// Results are read from running counts (db/queries/response-counts.ts) that each response adds
// to and each release relabels. They must always say what counting the answer rows says.

const DIMENSIONS = ['sector', 'region', 'profession']
// Cases in CI (fixed seed); PROPERTY_RUNS for more. PostgreSQL runs fewer to keep CI within
// its time budget (a case costs it about three times as much); engines-agree compares the two.
const RUNNING_COUNT_RUNS = TEST_ENGINE === 'postgres' ? 30 : 100
const GROUPINGS = [
  [],
  ['sector'],
  ['profession'],
  ['region', 'sector'],
  ['sector', 'profession'],
  ['sector', 'region', 'profession'],
]

/** A few validated answer sets; each stored response is one of them with drawn dimensions. */
function variants(seed: number) {
  const definition = bundledDefinition()
  const generator = answerGenerator(definition, seed)
  const prepared = Array.from({ length: 6 }, () => {
    const result = prepareResponse({ definition, locales: [] }, { answers: generator.answers() })
    if (!result.ok) throw new Error(JSON.stringify(result.details))
    return result.response
  })
  return { prepared, generator }
}

// Validating answers with survey-core is the slow part: a property case draws from a pool of
// answer sets validated once, with its own seed for which ones and for the dimensions.
let pool: ReturnType<typeof variants>['prepared'] | undefined
function pooledVariants(seed: number): ReturnType<typeof variants> {
  pool ??= [1, 2, 3, 4].flatMap((s) => variants(s).prepared)
  return { prepared: pool, generator: answerGenerator(bundledDefinition(), seed) }
}

type Survey = { surveyId: number; versionId: number }

async function storeResponses(
  db: Kysely<Database>,
  survey: Survey,
  count: number,
  source: ReturnType<typeof variants>,
  dimensions: readonly string[] = DIMENSIONS,
) {
  const { prepared, generator } = source
  for (let i = 0; i < count; i++) {
    const base = prepared[Math.floor(generator.random() * prepared.length)]
    const drawn: Record<string, string> = generator.dimensions()
    // Now and then a dimension is left unanswered: its respondents form the '' group.
    if (generator.random() < 0.2) delete drawn.profession
    const values = [
      ...base.values.filter((value) => !DIMENSIONS.includes(value.question)),
      ...Object.entries(drawn).map(([question, value]) => ({ question, item: '', value, number: null })),
    ]
    await insertResponse(db, {
      ...base,
      values,
      id: randomBytes(16).toString('hex'),
      surveyId: survey.surveyId,
      surveyVersionId: survey.versionId,
      dimensions,
      submittedOn: '2026-11-25',
    })
  }
}

const release = (db: Kysely<Database>, surveyId: number) =>
  createRelease(db, { surveyId, kind: 'interim', createdOn: '2026-11-25' }, async () => '{}')

/** Rows in a stable order, means rounded: the counts add in another order than a scan does. */
function canonical(rows: Record<string, unknown>[]) {
  const rounded = rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(9)) : value,
      ]),
    ),
  )
  return rounded.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort()
}

type Reader = Pick<AggregateReader, 'countGroups' | 'countAnswers' | 'quizShares' | 'knowledgeScores'>

/** The four aggregate queries of one reader, for one grouping. */
const allQueries = (reader: Reader, groupBy: string[]): Promise<unknown[][]> =>
  Promise.all([
    reader.countGroups(groupBy),
    reader.countAnswers(groupBy),
    reader.quizShares(groupBy),
    reader.knowledgeScores(groupBy),
  ])

function fromRows(db: Kysely<Database>, scope: AggregateScope, groupBy: string[]) {
  const rows: Reader = {
    countGroups: (by) => countGroups(db, scope, by),
    countAnswers: (by) => countAnswers(db, scope, by),
    quizShares: (by) => quizShares(db, scope, by),
    knowledgeScores: (by) => knowledgeScores(db, scope, by),
  }
  return allQueries(rows, groupBy)
}

async function fromCounts(db: Kysely<Database>, scope: AggregateScope, groupBy: string[]) {
  const layout = await countsLayout(db, scope)
  const [respondents] = await countGroups(db, scope, [])
  // No counts only when there is nothing to count (then every grouping is read as empty).
  expect(layout, 'one dimension layout').toEqual(respondents.n > 0 ? DIMENSIONS : [])
  return allQueries(countsReader(db, scope, DIMENSIONS), groupBy)
}

/** A release's stored tables: every grouping of up to two dimensions, in the order asked. */
async function fromTables(db: Kysely<Database>, scope: AggregateScope, groupBy: string[]) {
  if (groupBy.length > 2) return fromRows(db, scope, groupBy)
  const tables = await releaseTablesReader(db, scope as Required<AggregateScope>, DIMENSIONS)
  const [respondents] = await countGroups(db, scope, [])
  if (!tables) {
    expect(respondents.n, 'a release with responses stores its tables').toBe(0)
    return fromRows(db, scope, groupBy)
  }
  return allQueries(tables, groupBy)
}

async function expectSameFigures(
  read: (db: Kysely<Database>, scope: AggregateScope, groupBy: string[]) => Promise<unknown[][]>,
  db: Kysely<Database>,
  scopes: AggregateScope[],
  groupings = GROUPINGS,
) {
  for (const scope of scopes) {
    for (const groupBy of groupings) {
      const expected = await fromRows(db, scope, groupBy)
      const actual = await read(db, scope, groupBy)
      expected.forEach((rows, i) => {
        const label = `${JSON.stringify(scope)} by ${groupBy.join(',')} query ${i}`
        expect(canonical(actual[i] as Record<string, unknown>[]), label).toEqual(
          canonical(rows as Record<string, unknown>[]),
        )
      })
    }
  }
}

async function bundledSurvey(db: Kysely<Database>): Promise<Survey> {
  const version = await findLatestVersion(db, BUNDLED_SLUG)
  return { surveyId: version!.surveyId, versionId: version!.versionId }
}

describe('running response counts', () => {
  it('give the figures of the answer rows for every grouping, release and the live data', async () => {
    // One database; each case is a survey of its own (counts are per survey), so hundreds of
    // cases cost no migrations.
    const { db } = await createTestContext({ loadBundled: false })
    let cases = 0
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 3 }),
        // One grouping per case keeps a case cheap; hundreds of cases cover every grouping.
        fc.constantFrom(...GROUPINGS),
        async (seed, batches, groupBy) => {
          const slug = `case-${++cases}`
          await addSurvey(db, slug, bundledDefinition())
          const version = await findLatestVersion(db, slug)
          const survey = { surveyId: version!.surveyId, versionId: version!.versionId }
          const source = pooledVariants(seed)
          // Every batch but the last is released; the last stays pending (live counts).
          for (const [i, count] of batches.entries()) {
            // A batch shares one transaction, as responses arriving together do (group commit).
            await db.transaction().execute((trx) => storeResponses(trx, survey, count, source))
            if (i < batches.length - 1) await release(db, survey.surveyId)
          }
          const releases = Array.from({ length: batches.length - 1 }, (_, i) => i + 1)
          const scopes = [
            { surveyId: survey.surveyId },
            ...releases.map((releaseNo) => ({ surveyId: survey.surveyId, releaseNo })),
          ]
          await expectSameFigures(fromCounts, db, scopes, [groupBy])
          await expectSameFigures(fromTables, db, scopes.slice(1), [groupBy])
        },
      ),
      integrityRuns(RUNNING_COUNT_RUNS),
    )
    expect(cases).toBeGreaterThanOrEqual(RUNNING_COUNT_RUNS)
  }, 600_000)

  it('are rebuilt from the rows exactly as the responses added them one by one', async () => {
    const { db } = await createTestContext()
    const survey = await bundledSurvey(db)
    const source = variants(7)
    await storeResponses(db, survey, 30, source)
    await release(db, survey.surveyId)
    await storeResponses(db, survey, 12, source)
    const table = () => db.selectFrom('response_counts').selectAll().execute()
    const added = await table()
    expect(added.length).toBeGreaterThan(0)
    await db.deleteFrom('response_counts').execute()
    await rebuildResponseCounts(db, { versionId: survey.versionId, dimensions: DIMENSIONS })
    expect(canonical(await table())).toEqual(canonical(added))
  }, 120_000)

  it('are relabelled by a release: released and pending responses are never mixed', async () => {
    const { db } = await createTestContext()
    const survey = await bundledSurvey(db)
    const source = variants(11)
    await storeResponses(db, survey, 9, source)
    await release(db, survey.surveyId)
    await storeResponses(db, survey, 4, source)
    const [released] = await countsReader(db, { surveyId: survey.surveyId, releaseNo: 1 }, DIMENSIONS).countGroups([])
    const [live] = await countsReader(db, { surveyId: survey.surveyId }, DIMENSIONS).countGroups([])
    expect(released.n).toBe(9)
    expect(live.n).toBe(13)
  }, 120_000)

  it('stay exact when releases are made while responses arrive concurrently', async () => {
    const { db } = await createTestContext()
    const survey = await bundledSurvey(db)
    const source = variants(5)
    // On PostgreSQL these run on several pooled connections at once.
    await Promise.all([
      ...Array.from({ length: 8 }, () => storeResponses(db, survey, 5, source)),
      ...Array.from({ length: 3 }, () => release(db, survey.surveyId)),
    ])
    const scopes = [1, 2, 3].map((releaseNo) => ({ surveyId: survey.surveyId, releaseNo }))
    await expectSameFigures(fromCounts, db, [...scopes, { surveyId: survey.surveyId }])
    await expectSameFigures(fromTables, db, scopes)
  }, 120_000)

  it('make a release wait for a response still being stored, then count it with its row', async () => {
    const { db } = await createTestContext()
    const survey = await bundledSurvey(db)
    const source = variants(13)
    await storeResponses(db, survey, 3, source)
    let releasing: Promise<number> | undefined
    // A submission's transaction holds its rows and counts uncommitted while a release starts.
    await db.transaction().execute(async (trx) => {
      await storeResponses(trx, survey, 1, source)
      releasing = release(db, survey.surveyId)
      await new Promise((resolve) => setTimeout(resolve, 500))
    })
    await releasing
    const scope = { surveyId: survey.surveyId, releaseNo: 1 }
    await expectSameFigures(fromCounts, db, [scope])
    await expectSameFigures(fromTables, db, [scope])
    const [released] = await countGroups(db, scope, [])
    expect(released.n).toBe(4)
  }, 120_000)

  it('leave grouping to the answer rows when versions keep different dimensions', async () => {
    const { db } = await createTestContext()
    const survey = await bundledSurvey(db)
    const source = variants(3)
    await storeResponses(db, survey, 8, source)
    await storeResponses(db, survey, 8, source, ['region'])
    const scope = { surveyId: survey.surveyId }
    expect(await countsLayout(db, scope)).toBeUndefined()
    await expectSameFigures(
      async (db, scope, groupBy) => allQueries(await aggregateReader(db, scope), groupBy),
      db,
      [scope],
    )
  }, 120_000)
})
