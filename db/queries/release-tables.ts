import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema.js'
import { countsLayout } from './counts-reader.js'
import { figureQueries, type ReadFigures } from './figure-queries.js'
import { COUNTED_DIMENSIONS } from './response-counts.js'

/**
 * A release is immutable, so the figures of every table it can show (the total, each dimension,
 * each pair of dimensions) are summed from the running counts once, when it is made, and reading
 * a table is a key range scan with no GROUP BY. Groupings are counted-column indices ('0,2').
 */
export function releaseGroupings(dimensions: number): number[][] {
  const columns = Array.from({ length: Math.min(dimensions, COUNTED_DIMENSIONS) }, (_, i) => i)
  const pairs = columns.flatMap((a) => columns.filter((b) => b > a).map((b) => [a, b]))
  return [[], ...columns.map((a) => [a]), ...pairs]
}

/** Stores release N's tables; call in the release transaction, after its counts are claimed. */
export async function storeReleaseTables(
  db: Kysely<Database>,
  surveyId: number,
  releaseNo: number,
): Promise<void> {
  const layout = await countsLayout(db, { surveyId, releaseNo })
  // Nothing counted, or versions kept by different dimensions: read another way (aggregates.ts).
  if (!layout || layout.length === 0) return
  for (const grouping of releaseGroupings(layout.length)) {
    const columns = grouping.map((column) => sql.raw(`g${column}`))
    const values = [0, 1].map((i) => columns[i] ?? sql`''`)
    await sql`
      insert into release_tables
        (survey_id, release_no, grouping, g0, g1, kind, question, item, value, n, numbers, number_sum)
      select survey_id, cast(${releaseNo} as integer), cast(${grouping.join(',')} as text),
        ${sql.join(values, sql`, `)}, kind, question, item, value,
        sum(n), sum(numbers), sum(number_sum)
      from response_counts
      where survey_id = ${surveyId} and release_no between 1 and ${releaseNo}
      group by ${sql.join([sql`survey_id, kind`, ...columns, sql`question, item, value`], sql`, `)}`
      .execute(db)
  }
}

/** Reads release N's stored tables, or undefined when it has none (made before they existed). */
export async function releaseTablesReader(
  db: Kysely<Database>,
  scope: { surveyId: number; releaseNo: number },
  layout: string[],
) {
  const stored = await db
    .selectFrom('release_tables')
    .select('release_no')
    .where('survey_id', '=', scope.surveyId)
    .where('release_no', '=', scope.releaseNo)
    .limit(1)
    .executeTakeFirst()
  if (!stored) return undefined
  // Requested names -> the stored grouping (ascending columns) and where each name's value is.
  const place = (groupBy: readonly string[]) => {
    const columns = groupBy.map((name) => layout.indexOf(name))
    const counted = columns.every((c) => c >= 0 && c < COUNTED_DIMENSIONS)
    if (groupBy.length > 2 || !counted) return undefined
    const sorted = [...columns].sort((a, b) => a - b)
    return { key: sorted.join(','), values: columns.map((c) => `g${sorted.indexOf(c)}`) }
  }
  // A release's rows are already one per group: nothing to sum, and `keys` are unique.
  const read: ReadFigures = async <Row>(
    groupBy: readonly string[],
    kind: string,
    columns: string,
  ) => {
    const { key, values } = place(groupBy)!
    const groups = values.map((column, i) => `${column} as g${i}`)
    const query = sql<Row>`
      select ${sql.raw([...groups, columns].join(', '))}
      from release_tables
      where survey_id = ${scope.surveyId} and release_no = ${scope.releaseNo}
        and grouping = ${key} and kind = ${kind}`
    return (await query.execute(db)).rows
  }
  return {
    canGroupBy: (groupBy: readonly string[]) => place(groupBy) !== undefined,
    ...figureQueries(read, {
      n: 'n',
      mean: 'case when numbers > 0 then number_sum / numbers end',
      correct: 'number_sum',
    }),
  }
}
