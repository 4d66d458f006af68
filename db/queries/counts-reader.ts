import { sql, type Kysely } from 'kysely'
import type { Database } from '../schema.js'
import type { AggregateScope } from './aggregates.js'
import { figureQueries, SUMMED_FIGURES, type ReadFigures } from './figure-queries.js'
import { levelCase, levelNamed, sourceOf } from './level-grouping.js'
import { COUNTED_DIMENSIONS } from './response-counts.js'
import { pendingRelease } from './responses.js'

// Reading the running counts (response-counts.ts): which dimensions they are kept by, and the
// four aggregate queries as sums over them.

function scopeFilter(scope: AggregateScope) {
  const release =
    scope.releaseNo === undefined ? sql`` : sql`and release_no between 1 and ${scope.releaseNo}`
  return sql`survey_id = ${scope.surveyId} ${release}`
}

/**
 * The dimension names the counts of a scope are kept by, when every count uses the same ones
 * ([] when there are none); undefined when versions with different dimensions are mixed.
 * Two key lookups per release (lowest and highest `dims`), not a scan of the counts.
 */
export async function countsLayout(
  db: Kysely<Database>,
  scope: AggregateScope,
): Promise<string[] | undefined> {
  // Live data: every release and the pending counts (under the next release's number, or 0 when
  // stored before decision 008's fifth step); a release: 1..N.
  const last = scope.releaseNo ?? (await pendingRelease(db, scope.surveyId))
  const first = scope.releaseNo === undefined ? 0 : 1
  const layouts = new Set<string>()
  for (let releaseNo = first; releaseNo <= last; releaseNo++) {
    for (const direction of ['asc', 'desc'] as const) {
      const row = await db
        .selectFrom('response_counts')
        .select('dims')
        .where('survey_id', '=', scope.surveyId)
        .where('release_no', '=', releaseNo)
        .orderBy('dims', direction)
        .limit(1)
        .executeTakeFirst()
      if (row) layouts.add(row.dims)
    }
  }
  if (layouts.size > 1) return undefined
  return layouts.size === 0 ? [] : (JSON.parse([...layouts][0]) as string[])
}

/**
 * Reads aggregates from the counts of one layout; `groupBy` must all be in the layout, or be
 * levels (scope.levels) of dimensions in it.
 */
export function countsReader(db: Kysely<Database>, scope: AggregateScope, layout: string[]) {
  const columnOf = (name: string) => layout.indexOf(sourceOf(scope.levels, name))
  const read: ReadFigures = async <Row>(
    groupBy: readonly string[],
    kind: string,
    columns: string,
    keys: string[],
  ) => {
    const levels = groupBy.map((name) => levelNamed(scope.levels, name))
    const groups = groupBy.map((name, i) => {
      const stored = sql.raw(`g${columnOf(name)}`)
      const level = levels[i]
      return sql`${level ? levelCase(stored, level) : stored} as ${sql.raw(`g${i}`)}`
    })
    // The stored columns, not the g0.. aliases: PostgreSQL groups by a same-named column first.
    // With a level, every group by its select-list position: its CASE repeated would bind new
    // parameters, which PostgreSQL does not take for the same expression, and SQLite would read
    // a stored name that is also an alias as the alias.
    const withLevel = levels.some(Boolean)
    const grouping = [
      ...groupBy.map((name, i) => (withLevel ? `${i + 1}` : `g${columnOf(name)}`)),
      ...keys,
    ]
    const query = sql<Row>`
      select ${sql.join([...groups, sql.raw(columns)], sql`, `)}
      from response_counts
      where ${scopeFilter(scope)} and kind = ${kind}
      ${grouping.length > 0 ? sql`group by ${sql.raw(grouping.join(', '))}` : sql``}`
    return (await query.execute(db)).rows
  }
  return {
    canGroupBy: (groupBy: readonly string[]) =>
      groupBy.every((name) => columnOf(name) >= 0 && columnOf(name) < COUNTED_DIMENSIONS),
    ...figureQueries(read, SUMMED_FIGURES),
  }
}
