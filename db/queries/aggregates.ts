import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { Database } from '../schema.js'
import { releaseTablesReader } from './release-tables.js'
import { countsLayout, countsReader } from './counts-reader.js'
import { levelCase, levelNamed, sourceOf, type LevelGrouping } from './level-grouping.js'

/** Which responses an aggregate reads: one survey, optionally one version, up to one release. */
export interface AggregateScope {
  surveyId: number
  version?: number
  /** Responses included in releases 1..releaseNo; undefined: every response (live counts). */
  releaseNo?: number
  /** Levels `groupBy` may name (e.g. `region.area`): a release's, or the current definition's. */
  levels?: readonly LevelGrouping[]
}

/** Group values are returned as g0, g1, ... in the order of `groupBy`; '' when unanswered. */
export type GroupRow = { [group: `g${number}`]: string }

// Each dimension is one more join on response_values (single-choice: one row, item ''); a level
// joins the dimension it groups.
function dimensionJoins(groupBy: readonly string[], scope: AggregateScope): RawBuilder<unknown> {
  return sql.join(
    groupBy.map(
      (name, i) =>
        sql`left join response_values ${sql.raw(`d${i}`)} on ${sql.raw(`d${i}`)}.response_id = r.id and ${sql.raw(`d${i}`)}.question = ${sourceOf(scope.levels, name)} and ${sql.raw(`d${i}`)}.item = ''`,
    ),
    sql` `,
  )
}

// The aliases are grouped by: no table joined here has a g0.. column.
const groupColumns = (groupBy: readonly string[], scope: AggregateScope) =>
  groupBy.map((name, i) => {
    const value = sql`coalesce(${sql.raw(`d${i}`)}.value, '')`
    const level = levelNamed(scope.levels, name)
    return sql`${level ? levelCase(value, level) : value} as ${sql.raw(`g${i}`)}`
  })

const groupNames = (groupBy: readonly string[]) => groupBy.map((_, i) => sql.raw(`g${i}`))

function scopeFilter(scope: AggregateScope) {
  const parts = [sql`v.survey_id = ${scope.surveyId}`]
  if (scope.version !== undefined) parts.push(sql`v.version = ${scope.version}`)
  if (scope.releaseNo !== undefined) parts.push(sql`r.release_no <= ${scope.releaseNo}`)
  return sql.join(parts, sql` and `)
}

const select = (columns: RawBuilder<unknown>[]) => sql.join(columns, sql`, `)
const groupByClause = (groupBy: readonly string[], extra: RawBuilder<unknown>[] = []) => {
  const names = [...groupNames(groupBy), ...extra]
  return names.length > 0 ? sql`group by ${sql.join(names, sql`, `)}` : sql``
}

const from = (groupBy: readonly string[], scope: AggregateScope, join = sql``) => sql`
  from responses r
  join survey_versions v on v.id = r.survey_version_id
  ${dimensionJoins(groupBy, scope)}
  ${join}
  where ${scopeFilter(scope)}`

/** Respondents per combination of the dimensions (one GROUP BY): input to suppression. */
export async function countGroups(
  db: Kysely<Database>,
  scope: AggregateScope,
  groupBy: readonly string[],
) {
  const query = sql<GroupRow & { n: number }>`
    select ${select([...groupColumns(groupBy, scope), sql`count(*) as n`])}
    ${from(groupBy, scope)}
    ${groupByClause(groupBy)}`
  return (await query.execute(db)).rows.map((row) => ({ ...row, n: Number(row.n) }))
}

/** Answer counts per group, question, item and value, with the mean of numeric values. */
export async function countAnswers(
  db: Kysely<Database>,
  scope: AggregateScope,
  groupBy: readonly string[],
) {
  const query = sql<GroupRow & { question: string; item: string; value: string | null; n: number; mean: number | null }>`
    select ${select([...groupColumns(groupBy, scope), sql`a.question, a.item, a.value, count(*) as n, avg(a.number) as mean`])}
    ${from(groupBy, scope, sql`join response_values a on a.response_id = r.id`)}
    ${groupByClause(groupBy, [sql`a.question`, sql`a.item`, sql`a.value`])}`
  return (await query.execute(db)).rows.map((row) => ({ ...row, n: Number(row.n) }))
}

/** Share of respondents answering each quiz item correctly, per group. */
export async function quizShares(
  db: Kysely<Database>,
  scope: AggregateScope,
  groupBy: readonly string[],
) {
  const query = sql<GroupRow & { question: string; n: number; correct: number }>`
    select ${select([...groupColumns(groupBy, scope), sql`q.question, count(*) as n, sum(q.correct) as correct`])}
    ${from(groupBy, scope, sql`join response_quiz_items q on q.response_id = r.id`)}
    ${groupByClause(groupBy, [sql`q.question`])}`
  return (await query.execute(db)).rows.map((row) => ({
    ...row,
    n: Number(row.n),
    correct: Number(row.correct),
  }))
}

/** Mean knowledge score (share of quiz items correct) per group. */
export async function knowledgeScores(
  db: Kysely<Database>,
  scope: AggregateScope,
  groupBy: readonly string[],
) {
  const query = sql<GroupRow & { mean: number | null }>`
    select ${select([...groupColumns(groupBy, scope), sql`avg(r.knowledge_score) as mean`])}
    ${from(groupBy, scope)}
    ${groupByClause(groupBy)}`
  return (await query.execute(db)).rows
}

/** Responses per submission day (days are all the time the database keeps). */
export async function countByDay(db: Kysely<Database>, scope: AggregateScope) {
  const query = sql<{ day: string; n: number }>`
    select r.submitted_on as day, count(*) as n
    ${from([], scope)}
    group by r.submitted_on
    order by r.submitted_on`
  return (await query.execute(db)).rows.map((row) => ({ day: row.day, n: Number(row.n) }))
}

export type AggregateReader = Awaited<ReturnType<typeof aggregateReader>>

/**
 * The four aggregate queries for one scope, read from the cheapest source that can answer each:
 * a release's stored tables (release-tables.ts), else the running counts (response-counts.ts),
 * else the answer rows themselves (a version filter, or versions kept by different dimensions).
 */
export async function aggregateReader(db: Kysely<Database>, scope: AggregateScope) {
  const layout = scope.version === undefined ? await countsLayout(db, scope) : undefined
  const tables =
    layout && scope.releaseNo !== undefined
      ? await releaseTablesReader(db, { ...scope, releaseNo: scope.releaseNo }, layout)
      : undefined
  const counts = layout && countsReader(db, scope, layout)
  const readerFor = (groupBy: readonly string[]) =>
    [tables, counts].find((reader) => reader?.canGroupBy(groupBy))
  return {
    countGroups: (groupBy: readonly string[]) =>
      readerFor(groupBy)?.countGroups(groupBy) ?? countGroups(db, scope, groupBy),
    countAnswers: (groupBy: readonly string[]) =>
      readerFor(groupBy)?.countAnswers(groupBy) ?? countAnswers(db, scope, groupBy),
    quizShares: (groupBy: readonly string[]) =>
      readerFor(groupBy)?.quizShares(groupBy) ?? quizShares(db, scope, groupBy),
    knowledgeScores: (groupBy: readonly string[]) =>
      readerFor(groupBy)?.knowledgeScores(groupBy) ?? knowledgeScores(db, scope, groupBy),
  }
}
