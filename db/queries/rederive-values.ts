import type { Kysely } from 'kysely'
import type { Database } from '../schema.js'
import { storeReleaseTables } from './release-tables.js'
import { rebuildResponseCounts } from './response-counts.js'

type Cell = { question: string; item: string; value: string | null; number: number | null }

export interface VersionRules {
  /** The answer rows of one response of this version (flattenAnswers). */
  flatten: (answers: Record<string, unknown>) => Cell[]
  dimensions: readonly string[]
}

const RESPONSES_PER_PAGE = 500
// SQLite caps bound parameters per statement; 5 columns x 150 rows stays well under it.
const ROWS_PER_INSERT = 150
const keyOf = (question: string, item: string) => JSON.stringify([question, item])
const same = (a: Cell, b: Cell) => a.value === b.value && a.number === b.number

/**
 * Re-derives every stored answer row from the answers as submitted (`response_answers`) when the
 * flattening rules change (decision 001): changed rows are replaced, and the running counts and
 * stored release tables of every survey touched are counted again from them. Returns how many
 * responses changed.
 */
export async function rederiveAnswerRows(
  db: Kysely<Database>,
  rulesOf: (definition: string) => VersionRules,
): Promise<number> {
  const versions = await db
    .selectFrom('survey_versions')
    .select(['id', 'survey_id', 'definition'])
    .orderBy('id')
    .execute()
  const rules = new Map(versions.map((v) => [v.id, rulesOf(v.definition)]))
  const touched = new Set<number>()
  let changed = 0
  for (const version of versions) {
    const { flatten } = rules.get(version.id)!
    for (let after = ''; ; ) {
      const page = await db
        .selectFrom('responses as r')
        .innerJoin('response_answers as a', 'a.response_id', 'r.id')
        .select(['r.id', 'a.answers'])
        .where('r.survey_version_id', '=', version.id)
        .where('r.id', '>', after)
        .orderBy('r.id')
        .limit(RESPONSES_PER_PAGE)
        .execute()
      if (page.length === 0) break
      after = page[page.length - 1].id
      const stored = await db
        .selectFrom('response_values')
        .select(['response_id', 'question', 'item', 'value', 'number'])
        .where(
          'response_id',
          'in',
          page.map((r) => r.id),
        )
        .execute()
      const byResponse = new Map<string, Map<string, Cell>>()
      for (const row of stored) {
        if (!byResponse.has(row.response_id)) byResponse.set(row.response_id, new Map())
        byResponse.get(row.response_id)!.set(keyOf(row.question, row.item), row)
      }
      for (const response of page) {
        const old = byResponse.get(response.id) ?? new Map<string, Cell>()
        const fresh = flatten(JSON.parse(response.answers) as Record<string, unknown>)
        const wanted = new Map(fresh.map((cell) => [keyOf(cell.question, cell.item), cell]))
        const differs = (a: Cell | undefined, b: Cell | undefined) => !a || !b || !same(a, b)
        const gone = [...old].filter(([key, row]) => differs(row, wanted.get(key)))
        const added = fresh.filter((c) => differs(c, old.get(keyOf(c.question, c.item))))
        if (gone.length === 0 && added.length === 0) continue
        for (const [, row] of gone) {
          await db
            .deleteFrom('response_values')
            .where('response_id', '=', response.id)
            .where('question', '=', row.question)
            .where('item', '=', row.item)
            .execute()
        }
        const rows = added.map((cell) => ({ response_id: response.id, ...cell }))
        for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
          await db
            .insertInto('response_values')
            .values(rows.slice(start, start + ROWS_PER_INSERT))
            .execute()
        }
        touched.add(version.survey_id)
        changed++
      }
    }
  }
  for (const surveyId of touched) await recount(db, surveyId, versions, rules)
  return changed
}

/** Counts a survey's responses again from their rows, and its stored release tables with them. */
async function recount(
  db: Kysely<Database>,
  surveyId: number,
  versions: { id: number; survey_id: number }[],
  rules: Map<number, VersionRules>,
) {
  await db.deleteFrom('response_counts').where('survey_id', '=', surveyId).execute()
  for (const version of versions.filter((v) => v.survey_id === surveyId)) {
    const { dimensions } = rules.get(version.id)!
    await rebuildResponseCounts(db, { versionId: version.id, dimensions })
  }
  const releases = await db
    .selectFrom('release_tables')
    .select('release_no')
    .distinct()
    .where('survey_id', '=', surveyId)
    .orderBy('release_no')
    .execute()
  await db.deleteFrom('release_tables').where('survey_id', '=', surveyId).execute()
  for (const { release_no } of releases) await storeReleaseTables(db, surveyId, release_no)
}
