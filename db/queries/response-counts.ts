import { sql, type Insertable, type Kysely, type RawBuilder } from 'kysely'
import { dialectOf } from '../dialect.js'
import type { Database, ResponseCountsTable } from '../schema.js'
import { executeCachedInsert } from './cached-insert.js'
import { pendingReleaseOf, type PendingReleases, type ResponseInput } from './responses.js'

/**
 * Running counts per combination of dimension values (`response_counts`): for each survey,
 * release and sector x region x ... cell, the number of responses, answer values and correct quiz
 * items, with sums for means. A response adds its counts in its own transaction, under the number
 * of the release it will be part of (the survey's last + 1), so a release moves none of them.
 * Release 0 holds counts stored before that (decision 008, fifth step); a release claims them.
 * Results read these few rows instead of every answer. Up to four dimensions are kept; `dims`
 * names them (JSON) in column order.
 */
export const COUNTED_DIMENSIONS = 4

export const dimsKey = (dimensions: readonly string[]) =>
  JSON.stringify(dimensions.slice(0, COUNTED_DIMENSIONS))

function dimensionValues(dimensions: readonly string[]) {
  return Array.from({ length: COUNTED_DIMENSIONS }, (_, i) =>
    i < dimensions.length ? sql`coalesce(${sql.raw(`d${i}`)}.value, '')` : sql`''`,
  )
}

function dimensionJoins(dimensions: readonly string[]) {
  return sql.join(
    dimensions.slice(0, COUNTED_DIMENSIONS).map((question, i) => {
      const d = sql.raw(`d${i}`)
      return sql`left join response_values ${d}
        on ${d}.response_id = r.id and ${d}.question = ${question} and ${d}.item = ''`
    }),
    sql` `,
  )
}

const KEY_COLUMNS = 'survey_id, release_no, dims, g0, g1, g2, g3, kind, question, item, value'
const KEY_POSITIONS = '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11'

/** One INSERT ... SELECT ... GROUP BY per kind; ordered so concurrent upserts lock rows alike. */
function addCounts(
  dimensions: readonly string[],
  responses: RawBuilder<unknown>,
  kind: 'response' | 'answer' | 'quiz',
) {
  const counted = {
    response: {
      join: sql``,
      what: sql`'', '', '', count(*), count(r.knowledge_score), coalesce(sum(r.knowledge_score), 0)`,
      filter: sql``,
    },
    answer: {
      join: sql`join response_values a on a.response_id = r.id`,
      what: sql`a.question, a.item, a.value, count(*), count(a.number), coalesce(sum(a.number), 0)`,
      // A value-less row (a number kept only as a number) is never shown as a count.
      filter: sql`and a.value is not null`,
    },
    quiz: {
      join: sql`join response_quiz_items q on q.response_id = r.id`,
      what: sql`q.question, '', '', count(*), count(q.correct), coalesce(sum(q.correct), 0)`,
      filter: sql``,
    },
  }[kind]
  return sql`
    insert into response_counts (${sql.raw(KEY_COLUMNS)}, n, numbers, number_sum)
    select v.survey_id, coalesce(r.release_no, 0), cast(${dimsKey(dimensions)} as text),
      ${sql.join(dimensionValues(dimensions), sql`, `)}, cast(${kind} as text), ${counted.what}
    from responses r
    join survey_versions v on v.id = r.survey_version_id
    ${dimensionJoins(dimensions)}
    ${counted.join}
    where ${responses} ${counted.filter}
    group by ${sql.raw(KEY_POSITIONS)}
    order by ${sql.raw(KEY_POSITIONS)}
    on conflict (${sql.raw(KEY_COLUMNS)}) do update set
      n = response_counts.n + excluded.n,
      numbers = response_counts.numbers + excluded.numbers,
      number_sum = response_counts.number_sum + excluded.number_sum`
}

async function addAllCounts(
  db: Kysely<any>,
  dimensions: readonly string[],
  responses: RawBuilder<unknown>,
) {
  for (const kind of ['response', 'answer', 'quiz'] as const) {
    await addCounts(dimensions, responses, kind).execute(db)
  }
}

/** What one response adds: the same keys and figures as counting its rows (see rebuild). */
export function responseCountRows(
  input: ResponseInput,
  releaseNo: number,
): Insertable<ResponseCountsTable>[] {
  const singles = input.values.filter((v) => (v.item ?? '') === '')
  const single = new Map(singles.map((v) => [v.question, v.value]))
  const cell = Array.from({ length: COUNTED_DIMENSIONS }, (_, i) =>
    i < input.dimensions.length ? (single.get(input.dimensions[i]) ?? '') : '',
  )
  const dims = dimsKey(input.dimensions)
  // Literal objects, not spreads of a shared key: V8 builds spread-then-extended objects in its
  // slow dictionary mode, which cost more than the rest of a submission's row building.
  const row = (
    kind: ResponseCountsTable['kind'],
    question: string,
    item: string,
    value: string,
    number: number | null,
  ): Insertable<ResponseCountsTable> => ({
    survey_id: input.surveyId,
    release_no: releaseNo,
    dims,
    g0: cell[0],
    g1: cell[1],
    g2: cell[2],
    g3: cell[3],
    kind,
    question,
    item,
    value,
    n: 1,
    numbers: number === null ? 0 : 1,
    number_sum: number ?? 0,
  })
  const rows = [row('response', '', '', '', input.knowledgeScore)]
  for (const v of input.values) {
    if (v.value !== null && v.value !== undefined) {
      rows.push(row('answer', v.question, v.item ?? '', v.value, v.number ?? null))
    }
  }
  for (const q of input.quizItems) rows.push(row('quiz', q.question, '', '', q.correct ? 1 : 0))
  return rows
}

// Every column of the unique key, in one string: writers upsert rows in this order.
const countKey = (r: Insertable<ResponseCountsTable>) =>
  [r.survey_id, r.release_no, r.dims, r.g0, r.g1, r.g2, r.g3, r.kind, r.question, r.item, r.value]
    .map(String)
    .join('\u0000')

/**
 * The count rows of several responses, merged (one row per key, figures summed) and sorted by
 * the whole key. Every transaction upserts count rows in this one order, so two of them can never
 * each hold a row the other waits for (no deadlock on PostgreSQL); see docs/decisions/006.
 */
export function batchCountRows(
  inputs: readonly ResponseInput[],
  releases: PendingReleases,
): Insertable<ResponseCountsTable>[] {
  const merged = new Map<string, Insertable<ResponseCountsTable>>()
  for (const input of inputs) {
    for (const row of responseCountRows(input, pendingReleaseOf(releases, input.surveyId))) {
      const key = countKey(row)
      const seen = merged.get(key)
      if (seen) {
        seen.n = (seen.n as number) + (row.n as number)
        seen.numbers = (seen.numbers as number) + (row.numbers as number)
        seen.number_sum = (seen.number_sum as number) + (row.number_sum as number)
      } else merged.set(key, row)
    }
  }
  return [...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row)
}

// 14 columns x 150 rows stays well under SQLite's cap on bound parameters.
const COUNT_ROWS_PER_UPSERT = 150

/** Adds responses to the counts; call inside the transaction that stores their rows. */
export async function addResponseCounts(
  db: Kysely<Database>,
  inputs: ResponseInput | readonly ResponseInput[],
  releases: PendingReleases,
): Promise<void> {
  const list = Array.isArray(inputs) ? inputs : [inputs as ResponseInput]
  const rows = batchCountRows(list, releases)
  for (let start = 0; start < rows.length; start += COUNT_ROWS_PER_UPSERT) {
    const chunk = rows.slice(start, start + COUNT_ROWS_PER_UPSERT)
    await executeCachedInsert(db, 'response_counts upsert', COUNT_COLUMNS, chunk, (chunk) =>
      db
        .insertInto('response_counts')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(KEY_COLUMNS.split(', ') as (keyof ResponseCountsTable)[]).doUpdateSet((eb) => ({
            n: eb('response_counts.n', '+', eb.ref('excluded.n')),
            numbers: eb('response_counts.numbers', '+', eb.ref('excluded.numbers')),
            number_sum: eb('response_counts.number_sum', '+', eb.ref('excluded.number_sum')),
          })),
        ),
    )
  }
}

type CountRow = Insertable<ResponseCountsTable>
const COUNT_COLUMNS = [...KEY_COLUMNS.split(', '), 'n', 'numbers', 'number_sum'] as (keyof CountRow)[]

/**
 * Counts every response of one version from scratch, in one pass per kind (a migration, or
 * responses written in bulk); the version's counts must not exist yet.
 */
export function rebuildResponseCounts(
  db: Kysely<any>,
  version: { versionId: number; dimensions: readonly string[] },
) {
  return addAllCounts(db, version.dimensions, sql`r.survey_version_id = ${version.versionId}`)
}

/**
 * Makes release N's counts final, in the transaction that claims the responses. Counts stored
 * since decision 008's fifth step are already under N; counts left at 0 from before it are
 * copied into N in key order (merged with N's where both exist) and their range removed whole.
 * On PostgreSQL the rows under N are also written again: each would otherwise keep the
 * transaction id (xmin) of the last submission that added to it. The release holds the survey's
 * exclusive lock, so no submission adds to these rows meanwhile.
 */
export async function claimResponseCounts(
  db: Kysely<Database>,
  surveyId: number,
  releaseNo: number,
): Promise<void> {
  const rest = 'dims, g0, g1, g2, g3, kind, question, item, value, n, numbers, number_sum'
  await sql`
    insert into response_counts (survey_id, release_no, ${sql.raw(rest)})
    select survey_id, cast(${releaseNo} as integer), ${sql.raw(rest)}
    from response_counts
    where survey_id = ${surveyId} and release_no = 0
    order by ${sql.raw(KEY_COLUMNS)}
    on conflict (${sql.raw(KEY_COLUMNS)}) do update set
      n = response_counts.n + excluded.n,
      numbers = response_counts.numbers + excluded.numbers,
      number_sum = response_counts.number_sum + excluded.number_sum`.execute(db)
  await db
    .deleteFrom('response_counts')
    .where('survey_id', '=', surveyId)
    .where('release_no', '=', 0)
    .execute()
  if (dialectOf(db) === 'postgres') {
    await db
      .updateTable('response_counts')
      .set((eb) => ({ n: eb.ref('n') }))
      .where('survey_id', '=', surveyId)
      .where('release_no', '=', releaseNo)
      .execute()
  }
}
