import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'

export interface ReleasedResponse {
  /** YYYY-MM: the submission day is never read out finer than its month. */
  month: string
  knowledgeScore: number | null
  /** The release that first included it. */
  releaseNo: number
  values: { question: string; item: string; value: string | null; number: number | null }[]
}

/** Distinct (question, item) pairs answered in releases 1..releaseNo, for the file's columns. */
export async function releasedAnswerColumns(
  db: Kysely<Database>,
  scope: { surveyId: number; releaseNo: number },
) {
  return db
    .selectFrom('response_values as a')
    .innerJoin('responses as r', 'r.id', 'a.response_id')
    .innerJoin('survey_versions as v', 'v.id', 'r.survey_version_id')
    .select(['a.question', 'a.item'])
    .distinct()
    .where('v.survey_id', '=', scope.surveyId)
    .where('r.release_no', 'is not', null)
    .where('r.release_no', '<=', scope.releaseNo)
    .execute()
}

/**
 * Responses included in releases 1..releaseNo, a page at a time (keyset on the random id, which
 * never leaves this function), so a large survey is never read in one query.
 */
export async function* releasedResponses(
  db: Kysely<Database>,
  scope: { surveyId: number; releaseNo: number },
  pageSize = 500,
): AsyncGenerator<ReleasedResponse[]> {
  let after = ''
  for (;;) {
    const page = await db
      .selectFrom('responses as r')
      .innerJoin('survey_versions as v', 'v.id', 'r.survey_version_id')
      .select(['r.id', 'r.submitted_on', 'r.knowledge_score', 'r.release_no'])
      .where('v.survey_id', '=', scope.surveyId)
      .where('r.release_no', 'is not', null)
      .where('r.release_no', '<=', scope.releaseNo)
      .where('r.id', '>', after)
      .orderBy('r.id')
      .limit(pageSize)
      .execute()
    if (page.length === 0) return
    const values = await db
      .selectFrom('response_values')
      .select(['response_id', 'question', 'item', 'value', 'number'])
      .where(
        'response_id',
        'in',
        page.map((row) => row.id),
      )
      .execute()
    const byResponse = new Map<string, ReleasedResponse['values']>(page.map((row) => [row.id, []]))
    for (const { response_id, ...value } of values) byResponse.get(response_id)!.push(value)
    yield page.map((row) => ({
      month: row.submitted_on.slice(0, 7),
      knowledgeScore: row.knowledge_score === null ? null : Number(row.knowledge_score),
      releaseNo: Number(row.release_no),
      values: byResponse.get(row.id)!,
    }))
    after = page[page.length - 1].id
  }
}
