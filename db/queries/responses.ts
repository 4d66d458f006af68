import type { Compilable, Kysely, Transaction } from 'kysely'
import { shareLockOn } from '../dialect.js'
import type { Database, NewResponseValue } from '../schema.js'
import { inTransaction } from '../transaction.js'
import { executeCachedInsert } from './cached-insert.js'
import { addResponseCounts } from './response-counts.js'

export interface ResponseInput {
  id: string
  surveyId: number
  surveyVersionId: number
  /** The version's dimension names: its counts are kept per combination of their values. */
  dimensions: readonly string[]
  locale: string
  submittedOn: string
  answers: Record<string, unknown>
  knowledgeScore: number | null
  values: Omit<NewResponseValue, 'response_id'>[]
  quizItems: { question: string; correct: boolean }[]
}

// SQLite caps bound parameters per statement; 5 columns x 150 rows stays well under it.
const ROWS_PER_INSERT = 150

/**
 * All rows of one response in one transaction: a response is stored whole or not at all.
 * `before` runs first in the same transaction (an invitation code is marked used there); if it
 * throws, nothing is stored.
 */
export async function insertResponse(
  db: Kysely<Database>,
  input: ResponseInput,
  before?: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  await inTransaction(db, (trx) => storeResponse(trx, input, before))
}

/** The statements of insertResponse, inside a transaction the caller owns. */
export async function storeResponse(
  trx: Transaction<Database>,
  input: ResponseInput,
  before?: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  // Held until commit: a release waits for this response to be stored and counted (or not).
  await shareLockOn(trx, 'responses', input.surveyId)
  await before?.(trx)
  const releases = await pendingReleases(trx, [input.surveyId])
  await storeResponseRows(trx, input, releases)
  await addResponseCounts(trx, input, releases)
}

/** Survey id -> the number of the release its responses stored now will be part of. */
export type PendingReleases = ReadonlyMap<number, number>

/**
 * The release each survey's new responses belong to: one after its last. Stored with the rows and
 * counts, so a release relabels nothing (decision 008, fifth step). Read under the lock a release
 * takes exclusively (shareLockOn; on SQLite the write lock), so no release is made between this
 * read and the commit.
 */
export async function pendingReleases(
  db: Kysely<Database>,
  surveyIds: readonly number[],
): Promise<PendingReleases> {
  const rows = await db
    .selectFrom('releases')
    .select(['survey_id', (eb) => eb.fn.max('number').as('last')])
    .where('survey_id', 'in', surveyIds)
    .groupBy('survey_id')
    .execute()
  const last = new Map(rows.map((row) => [row.survey_id, Number(row.last)]))
  return new Map(surveyIds.map((id) => [id, (last.get(id) ?? 0) + 1]))
}

/** pendingReleases for one survey: its last release's number + 1 (1 before any release). */
export async function pendingRelease(db: Kysely<Database>, surveyId: number): Promise<number> {
  return pendingReleaseOf(await pendingReleases(db, [surveyId]), surveyId)
}

export function pendingReleaseOf(releases: PendingReleases, surveyId: number): number {
  const releaseNo = releases.get(surveyId)
  if (releaseNo === undefined) throw new Error(`no pending release read for survey ${surveyId}`)
  return releaseNo
}

/**
 * The response's own rows: its random id makes them new rows that no other transaction writes,
 * so inserting them never waits for a lock. Counts are added separately (addResponseCounts).
 */
export function storeResponseRows(
  trx: Transaction<Database>,
  input: ResponseInput,
  releases: PendingReleases,
) {
  return storeManyResponseRows(trx, [input], releases)
}

/**
 * The own rows of several responses with a few statements per table, not per response: on
 * PostgreSQL every statement is a round trip. Rows go in the order of the response ids, which are
 * random, so no table's physical order follows the order the responses arrived in.
 */
export async function storeManyResponseRows(
  trx: Transaction<Database>,
  inputs: readonly ResponseInput[],
  releases: PendingReleases,
): Promise<void> {
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  // Literal objects: spreading each value and adding a key is V8's slow path (see response-counts).
  const responses = sorted.map((input) => ({
    id: input.id,
    survey_version_id: input.surveyVersionId,
    locale: input.locale,
    submitted_on: input.submittedOn,
    knowledge_score: input.knowledgeScore,
    release_no: pendingReleaseOf(releases, input.surveyId),
  }))
  await insertInChunks(responses, RESPONSE_COLUMNS, 'responses', (rows) =>
    trx.insertInto('responses').values(rows),
  )
  const answers = sorted.map((input) => ({
    response_id: input.id,
    answers: JSON.stringify(input.answers),
  }))
  await insertInChunks(answers, ANSWER_COLUMNS, 'response_answers', (rows) =>
    trx.insertInto('response_answers').values(rows),
  )
  const values = sorted.flatMap((input) =>
    input.values.map((value) => ({
      response_id: input.id,
      question: value.question,
      item: value.item ?? '',
      value: value.value ?? null,
      number: value.number ?? null,
    })),
  )
  await insertInChunks(values, VALUE_COLUMNS, 'response_values', (rows) =>
    trx.insertInto('response_values').values(rows),
  )
  const items = sorted.flatMap((input) =>
    input.quizItems.map((item) => ({
      response_id: input.id,
      question: item.question,
      correct: item.correct ? 1 : 0,
    })),
  )
  await insertInChunks(items, QUIZ_COLUMNS, 'response_quiz_items', (rows) =>
    trx.insertInto('response_quiz_items').values(rows),
  )

  async function insertInChunks<Row extends Record<string, unknown>>(
    rows: Row[],
    columns: readonly (keyof Row & string)[],
    name: string,
    build: (rows: readonly Row[]) => Compilable,
  ) {
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      const chunk = rows.slice(start, start + ROWS_PER_INSERT)
      await executeCachedInsert(trx, name, columns, chunk, build)
    }
  }
}

const RESPONSE_COLUMNS = [
  'id',
  'survey_version_id',
  'locale',
  'submitted_on',
  'knowledge_score',
  'release_no',
] as const
const ANSWER_COLUMNS = ['response_id', 'answers'] as const
const VALUE_COLUMNS = ['response_id', 'question', 'item', 'value', 'number'] as const
const QUIZ_COLUMNS = ['response_id', 'question', 'correct'] as const

export async function countResponses(db: Kysely<Database>, surveyVersionId?: number) {
  let query = db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n'))
  if (surveyVersionId !== undefined) query = query.where('survey_version_id', '=', surveyVersionId)
  const row = await query.executeTakeFirstOrThrow()
  return Number(row.n)
}
