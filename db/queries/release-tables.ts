import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema.js'
import { countsLayout } from './counts-reader.js'
import type { AggregateScope } from './aggregates.js'
import { figureQueries, SUMMED_FIGURES, type ReadFigures } from './figure-queries.js'
import { levelCase, levelNamed, sourceOf } from './level-grouping.js'
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

/**
 * Stores release N's tables; call in the release transaction, after its counts are claimed. The
 * tables of two dimensions are summed from the running counts; a table of one dimension or the
 * total is then summed from a stored table with one dimension more (a few thousand rows instead
 * of every count row: 1.7x faster at 100,000 responses, decision 008). Counts are the same either
 * way; a sum of fractions may differ in its last bit, as any other order of adding would.
 */
export async function storeReleaseTables(
  db: Kysely<Database>,
  surveyId: number,
  releaseNo: number,
): Promise<void> {
  const layout = await countsLayout(db, { surveyId, releaseNo })
  // Nothing counted, or versions kept by different dimensions: read another way (aggregates.ts).
  if (!layout || layout.length === 0) return
  const groupings = releaseGroupings(layout.length).sort((a, b) => b.length - a.length)
  const stored: number[][] = []
  for (const grouping of groupings) {
    // The widest stored grouping holding every column of this one, when it has one more.
    const wider = stored.find(
      (s) => s.length === grouping.length + 1 && grouping.every((c) => s.includes(c)),
    )
    const source = wider
      ? {
          columns: grouping.map((column) => sql.raw(`g${wider.indexOf(column)}`)),
          from: sql`release_tables
            where survey_id = ${surveyId} and release_no = ${releaseNo}
              and grouping = ${wider.join(',')}`,
        }
      : {
          columns: grouping.map((column) => sql.raw(`g${column}`)),
          from: sql`response_counts
            where survey_id = ${surveyId} and release_no between 1 and ${releaseNo}`,
        }
    const values = [0, 1].map((i) => source.columns[i] ?? sql`''`)
    await sql`
      insert into release_tables
        (survey_id, release_no, grouping, g0, g1, kind, question, item, value, n, numbers, number_sum)
      select survey_id, cast(${releaseNo} as integer), cast(${grouping.join(',')} as text),
        ${sql.join(values, sql`, `)}, kind, question, item, value,
        sum(n), sum(numbers), sum(number_sum)
      from ${source.from}
      group by ${sql.join([sql`survey_id, kind`, ...source.columns, sql`question, item, value`], sql`, `)}`
      .execute(db)
    stored.push(grouping)
  }
}

/**
 * Reads release N's stored tables, or undefined when it has none (made before they existed).
 * A level (scope.levels: the release's own groups) is read from the stored table of the
 * dimension it groups, summed to its groups at read time: that table is at most a few thousand
 * rows, a release keeps no second copy per level, and levels added by a later version need no
 * new rows in an older release (storeReleaseTables stays as benchmarked, decision 008).
 */
export async function releaseTablesReader(
  db: Kysely<Database>,
  scope: Pick<AggregateScope, 'surveyId' | 'levels'> & { releaseNo: number },
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
  const hasLevel = (groupBy: readonly string[]) =>
    groupBy.some((name) => levelNamed(scope.levels, name))
  // Requested names -> the stored grouping (ascending columns) and where each name's value is.
  const place = (groupBy: readonly string[]) => {
    const columns = groupBy.map((name) => layout.indexOf(sourceOf(scope.levels, name)))
    const counted = columns.every((c) => c >= 0 && c < COUNTED_DIMENSIONS)
    if (groupBy.length > 2 || !counted) return undefined
    const sorted = [...new Set(columns)].sort((a, b) => a - b)
    return { key: sorted.join(','), values: columns.map((c) => `g${sorted.indexOf(c)}`) }
  }
  // A release's rows are already one per group: nothing to sum, and `keys` are unique. A level's
  // groups sum them, grouped by select-list position (see counts-reader.ts).
  const read: ReadFigures = async <Row>(
    groupBy: readonly string[],
    kind: string,
    columns: string,
    keys: string[],
  ) => {
    const { key, values } = place(groupBy)!
    const levels = groupBy.map((name) => levelNamed(scope.levels, name))
    const groups = values.map((column, i) => {
      const level = levels[i]
      const value = level ? levelCase(sql.raw(column), level) : sql.raw(column)
      return sql`${value} as ${sql.raw(`g${i}`)}`
    })
    const grouping = [...values.map((_, i) => `${i + 1}`), ...keys]
    const query = sql<Row>`
      select ${sql.join([...groups, sql.raw(columns)], sql`, `)}
      from release_tables
      where survey_id = ${scope.surveyId} and release_no = ${scope.releaseNo}
        and grouping = ${key} and kind = ${kind}
      ${hasLevel(groupBy) ? sql`group by ${sql.raw(grouping.join(', '))}` : sql``}`
    return (await query.execute(db)).rows
  }
  const storedFigures = {
    n: 'n',
    mean: 'case when numbers > 0 then number_sum / numbers end',
    correct: 'number_sum',
  }
  return {
    canGroupBy: (groupBy: readonly string[]) => place(groupBy) !== undefined,
    ...figureQueries(read, (groupBy) => (hasLevel(groupBy) ? SUMMED_FIGURES : storedFigures)),
  }
}
