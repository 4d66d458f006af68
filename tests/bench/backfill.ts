import { sql, type Kysely } from 'kysely'
import { createSqliteDb } from '../../db/connection.js'
import { dimensionNames } from '../../db/migrations/frozen/dimensions.js'
import { up as addResponseCounts } from '../../db/migrations/2026-11-26T02-00_response-counts.js'
import { firstBackfill } from './first-backfill.js'

export interface BackfillResult {
  baselineMs: number
  /** The response-counts migration (table and backfill) on a database without counts. */
  migrationMs: number
  /** The backfill as first written, on the same database, for comparison. */
  firstMs: number
  rows: number
  sameRows: boolean
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const timed = async (work: () => Promise<unknown>) => {
  const started = performance.now()
  await work()
  return performance.now() - started
}
const countRows = async (db: Kysely<any>) =>
  (await sql<{ row: string }>`
    select survey_id || '|' || release_no || '|' || dims || '|' || g0 || '|' || g1 || '|' || g2
      || '|' || g3 || '|' || kind || '|' || question || '|' || item || '|' || value || '|' || n
      || '|' || numbers || '|' || number_sum as row
    from response_counts order by 1`.execute(db)).rows.map((r) => r.row)

/**
 * Counts built for an existing database (issue 20: at most 3x the baseline GROUP BY): the
 * migration that adds the running counts, run on a generated database whose counts are dropped,
 * against the bench's baseline GROUP BY (see aggregate-child.ts) on the same file, in one run.
 */
export async function measureBackfill(path: string): Promise<BackfillResult> {
  const db = createSqliteDb(path) as Kysely<any>
  try {
    await sql`create index bench_baseline_question_value on response_values (question, value, response_id)`.execute(db)
    const baselines = []
    for (let i = 0; i < 3; i++) {
      baselines.push(
        await timed(
          () => sql`
            select s.value as sector, r.value as region, count(*) as n
            from response_values s
            join response_values r on r.response_id = s.response_id and r.question = 'region'
              and r.item = ''
            where s.question = 'sector' and s.item = ''
            group by s.value, r.value`.execute(db),
        ),
      )
    }
    await sql`drop index bench_baseline_question_value`.execute(db)
    await sql`drop table response_counts`.execute(db)
    const migrationMs = await timed(() => addResponseCounts(db))
    const rewritten = await countRows(db)
    await sql`delete from response_counts`.execute(db)
    const versions = await db.selectFrom('survey_versions').select(['id', 'definition']).execute()
    const firstMs = await timed(async () => {
      for (const version of versions) {
        await firstBackfill(db, version.id, dimensionNames(JSON.parse(version.definition)))
      }
    })
    const first = await countRows(db)
    return {
      baselineMs: median(baselines),
      migrationMs,
      firstMs,
      rows: rewritten.length,
      sameRows: rewritten.length === first.length && rewritten.every((row, i) => row === first[i]),
    }
  } finally {
    await db.destroy()
  }
}
