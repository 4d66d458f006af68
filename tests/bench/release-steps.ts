// Where a release's time goes, step by step, on a generated database (decision 008):
//   npx tsx tests/bench/release-steps.ts <file.db> [responses=100000] [rounds=3]
// Generates the database when the file is missing (kept for the next run). Each round runs the
// steps of createRelease one by one in a transaction that is rolled back, then the whole
// makeRelease likewise; a last, committed release shows what the commit and checkpoint add (and
// is then undone).
import { existsSync } from 'node:fs'
import { sql, type Kysely } from 'kysely'
import { createSqliteDb } from '../../db/connection.js'
import { claimResponseCounts } from '../../db/queries/response-counts.js'
import { storeReleaseTables } from '../../db/queries/release-tables.js'
import { findOpenSurvey } from '../../db/queries/surveys.js'
import type { Database } from '../../db/schema.js'
import { makeRelease } from '../../server/results/releases.js'
import { SURVEY_SLUG } from './answers.js'
import { generateResponses } from './generate.js'

const [path, sizeArg, roundsArg] = process.argv.slice(2)
if (!path) throw new Error('usage: release-steps.ts <file.db> [responses] [rounds]')
const size = Number(sizeArg ?? 100_000)
if (!existsSync(path)) {
  console.error(`generating ${size} responses into ${path}`)
  await generateResponses(path, size, { variants: 48, seed: size })
}
const db = createSqliteDb(path)
const survey = (await findOpenSurvey(db, SURVEY_SLUG))!
const options = { kind: 'interim', minGroupSize: 5, today: '2026-12-01' } as const

const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now()
  await work()
  return Math.round(performance.now() - started)
}
class Undo extends Error {}
async function rolledBack(work: (trx: Kysely<Database>) => Promise<void>) {
  await db
    .transaction()
    .execute(async (trx) => {
      await work(trx)
      throw new Undo()
    })
    .catch((error) => {
      if (!(error instanceof Undo)) throw error
    })
}

const baseline = await timed(async () => {
  await sql`create index bench_baseline_question_value on response_values (question, value, response_id)`.execute(db)
})
const baselineMs = await timed(() =>
  sql`select s.value, r.value, count(*) from response_values s
      join response_values r on r.response_id = s.response_id and r.question = 'region' and r.item = ''
      where s.question = 'sector' and s.item = '' group by s.value, r.value`.execute(db),
)
await sql`drop index bench_baseline_question_value`.execute(db)
console.log(JSON.stringify({ size, baselineMs, baselineIndexMs: baseline }))

const sizes = await sql<{ name: string; pages: number }>`
  select name, count(*) as pages from dbstat group by name order by pages desc limit 8`
  .execute(db)
  .catch(() => ({ rows: [] }))
console.log(JSON.stringify({ pages: sizes.rows }))

// Responses stored by the server since decision 008's fifth step carry the number of their
// release already; a file written before it (release_no null, counts under 0) is relabelled.
const legacy = Boolean(
  await db.selectFrom('responses').select('id').where('release_no', 'is', null).limit(1)
    .executeTakeFirst(),
)
console.log(JSON.stringify({ form: legacy ? 'numbers stored by the release' : 'numbers stored' }))

for (let round = 0; round < Number(roundsArg ?? 3); round++) {
  const steps: Record<string, number> = {}
  await rolledBack(async (trx) => {
    steps.relabel = await timed(() =>
      trx
        .updateTable('responses')
        .set({ release_no: 1 })
        .where('release_no', 'is', null)
        .where('survey_version_id', 'in', (eb) =>
          eb
            .selectFrom('survey_versions')
            .select('survey_versions.id')
            .where('survey_versions.survey_id', '=', survey.surveyId),
        )
        .execute(),
    )
    steps.claimCounts = await timed(() => claimResponseCounts(trx, survey.surveyId, 1))
    steps.releaseTables = await timed(() => storeReleaseTables(trx, survey.surveyId, 1))
  })
  await rolledBack(async (trx) => {
    steps.wholeUncommitted = await timed(() => makeRelease(trx, survey, options))
  })
  console.log(JSON.stringify({ round, ...steps }))
}
const committed = await timed(() => makeRelease(db, survey, options))
console.log(JSON.stringify({ committedRelease: committed, ratio: +(committed / baselineMs).toFixed(2) }))
// Back to every response pending, in the file's own form, so the file serves the next run.
await db.transaction().execute(async (trx) => {
  if (legacy) {
    await sql`update responses set release_no = null where release_no is not null`.execute(trx)
    await sql`insert into response_counts
      select survey_id, 0, dims, g0, g1, g2, g3, kind, question, item, value, n, numbers,
        number_sum
      from response_counts where release_no = 1`.execute(trx)
    await sql`delete from response_counts where release_no = 1`.execute(trx)
  }
  await sql`delete from release_tables`.execute(trx)
  await sql`delete from releases`.execute(trx)
})
await db.destroy()
