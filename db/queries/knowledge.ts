/**
 * What the knowledge figures read, from released responses only (releases 1..N of one survey):
 * counts per full combination of the dimensions (SQL does the counting), and the respondents'
 * quiz items, for the statistics that need them (never any response id out).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely'
import type { KnowledgeCounts, KnowledgeRespondent } from '../../server/knowledge/types.js'
import type { Database } from '../schema.js'

export interface KnowledgeScope {
  surveyId: number
  releaseNo: number
  /** The publication's real dimensions (questions, not levels such as region.area), in its order. */
  dims: readonly string[]
  items: readonly string[]
  rating?: string
}

const list = (values: readonly RawBuilder<unknown>[]) => sql.join(values, sql`, `)
const g = (i: number) => sql.raw(`g${i}`)
const d = (i: number) => sql.raw(`d${i}`)

function from(scope: KnowledgeScope) {
  const joins = scope.dims.map(
    (name, i) =>
      sql`left join response_values ${d(i)} on ${d(i)}.response_id = r.id and ${d(i)}.question = ${name} and ${d(i)}.item = ''`,
  )
  return sql`from responses r
    join survey_versions v on v.id = r.survey_version_id
    ${sql.join(joins, sql` `)}`
}

const where = (scope: KnowledgeScope) =>
  sql`v.survey_id = ${scope.surveyId} and r.release_no is not null and r.release_no <= ${scope.releaseNo}`

const groupValues = (scope: KnowledgeScope) =>
  scope.dims.map((_, i) => sql`coalesce(${d(i)}.value, '') as ${g(i)}`)
const groupNames = (scope: KnowledgeScope) => scope.dims.map((_, i) => g(i))
const dimsOf = (row: Record<string, unknown>, scope: KnowledgeScope) =>
  scope.dims.map((_, i) => String(row[`g${i}`]))

const inItems = (scope: KnowledgeScope) =>
  scope.items.length > 0
    ? sql`q.question in (${list(scope.items.map((i) => sql`${i}`))})`
    : sql`1 = 0`

/** Respondents per full combination and score (the number of the items correct; null: none shown). */
async function scoreCounts(db: Kysely<Database>, scope: KnowledgeScope) {
  const query = sql<Record<string, unknown> & { score: number | null; n: number }>`
    select ${list([...groupValues(scope), sql`s.score as score`, sql`count(*) as n`])}
    ${from(scope)}
    left join (
      select q.response_id, sum(q.correct) as score from response_quiz_items q
      where ${inItems(scope)} group by q.response_id
    ) s on s.response_id = r.id
    where ${where(scope)}
    group by ${list([...groupNames(scope), sql`s.score`])}`
  return (await query.execute(db)).rows.map((row) => ({
    dims: dimsOf(row, scope),
    score: row.score === null ? null : Number(row.score),
    n: Number(row.n),
  }))
}

/** Respondents shown each item and how many answered it correctly, per full combination. */
async function itemCounts(db: Kysely<Database>, scope: KnowledgeScope) {
  const query = sql<Record<string, unknown> & { question: string; n: number; correct: number }>`
    select ${list([...groupValues(scope), sql`q.question`, sql`count(*) as n`, sql`sum(q.correct) as correct`])}
    ${from(scope)}
    join response_quiz_items q on q.response_id = r.id
    where ${where(scope)} and ${inItems(scope)}
    group by ${list([...groupNames(scope), sql`q.question`])}`
  return (await query.execute(db)).rows.map((row) => ({
    dims: dimsOf(row, scope),
    question: row.question,
    n: Number(row.n),
    correct: Number(row.correct),
  }))
}

/** Respondents per self-rating answer (null: not answered), per full combination. */
async function ratingCounts(db: Kysely<Database>, scope: KnowledgeScope) {
  if (scope.rating === undefined) return []
  const query = sql<Record<string, unknown> & { value: string | null; n: number }>`
    select ${list([...groupValues(scope), sql`sr.value as value`, sql`count(*) as n`])}
    ${from(scope)}
    left join response_values sr on sr.response_id = r.id and sr.question = ${scope.rating} and sr.item = ''
    where ${where(scope)}
    group by ${list([...groupNames(scope), sql`sr.value`])}`
  return (await query.execute(db)).rows.map((row) => ({
    dims: dimsOf(row, scope),
    value: row.value,
    n: Number(row.n),
  }))
}

export async function knowledgeCounts(
  db: Kysely<Database>,
  scope: KnowledgeScope,
): Promise<KnowledgeCounts> {
  const [scores, items, ratings] = await Promise.all([
    scoreCounts(db, scope),
    itemCounts(db, scope),
    ratingCounts(db, scope),
  ])
  return { scores, items, ratings }
}

/**
 * Released respondents, in one read ordered by the random id (which never leaves the database):
 * each quiz item is a primary-key lookup of its own column, not a page of ids sent back in.
 */
export async function knowledgeRespondents(
  db: Kysely<Database>,
  scope: KnowledgeScope,
): Promise<KnowledgeRespondent[]> {
  const rating = scope.rating
  const ratingJoin =
    rating === undefined
      ? sql``
      : sql`left join response_values sr on sr.response_id = r.id and sr.question = ${rating} and sr.item = ''`
  const ratingColumn = rating === undefined ? sql`null as rating` : sql`sr.value as rating`
  // Subqueries, not joins: SQLite joins at most 64 tables, and a quiz may have more items.
  const itemColumns = scope.items.map(
    (name, i) =>
      sql`(select q.correct from response_quiz_items q where q.response_id = r.id and q.question = ${name}) as ${sql.raw(`i${i}`)}`,
  )
  const query = sql<Record<string, unknown> & { rating: string | null }>`
    select ${list([...groupValues(scope), ratingColumn, ...itemColumns])}
    ${from(scope)}
    ${ratingJoin}
    where ${where(scope)}
    order by r.id`
  return (await query.execute(db)).rows.map((row) => ({
    dims: dimsOf(row, scope),
    items: scope.items.map((_, i) => {
      const correct = row[`i${i}`]
      return correct === null || correct === undefined ? null : Number(correct) ? 1 : 0
    }),
    rating: row.rating,
  }))
}
