import { sql, type Kysely } from 'kysely'

// FROZEN SNAPSHOT, written for the migrations in db/migrations/ and never changed afterwards.
// Re-deriving stored answer rows from the answers, as db/queries/rederive-values.ts did it at
// commit f54cb81, with the counting and release-table code it called (rebuildResponseCounts of
// db/queries/response-counts.ts, storeReleaseTables and releaseGroupings of
// db/queries/release-tables.ts, countsLayout of db/queries/counts-reader.ts). A migration must do
// what it did when it was written, so it may not follow later edits of live code. Need something
// different? Write a new frozen file for the new migration; never edit this one.

type Cell = { question: string; item: string; value: string | null; number: number | null }

export interface VersionRules {
  /** The answer rows of one response of this version. */
  flatten: (answers: Record<string, unknown>) => Cell[]
  dimensions: readonly string[]
}

const RESPONSES_PER_PAGE = 500
// SQLite caps bound parameters per statement; 5 columns x 150 rows stays well under it.
const ROWS_PER_INSERT = 150
const keyOf = (question: string, item: string) => JSON.stringify([question, item])
const same = (a: Cell, b: Cell) => a.value === b.value && a.number === b.number

/**
 * Re-derives every stored answer row from `responses.answers` by the given rules: changed rows
 * are replaced, and the running counts and stored release tables of every survey touched are
 * counted again from them. Returns how many responses changed.
 */
export async function rederiveAnswerRows(
  db: Kysely<any>,
  rulesOf: (definition: string) => VersionRules,
): Promise<number> {
  const versions: { id: number; survey_id: number; definition: string }[] = await db
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
      const page: { id: string; answers: string }[] = await db
        .selectFrom('responses')
        .select(['id', 'answers'])
        .where('survey_version_id', '=', version.id)
        .where('id', '>', after)
        .orderBy('id')
        .limit(RESPONSES_PER_PAGE)
        .execute()
      if (page.length === 0) break
      after = page[page.length - 1].id
      const stored: (Cell & { response_id: string })[] = await db
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
  db: Kysely<any>,
  surveyId: number,
  versions: { id: number; survey_id: number }[],
  rules: Map<number, VersionRules>,
) {
  await db.deleteFrom('response_counts').where('survey_id', '=', surveyId).execute()
  for (const version of versions.filter((v) => v.survey_id === surveyId)) {
    const { dimensions } = rules.get(version.id)!
    await rebuildResponseCounts(db, version.id, dimensions)
  }
  const releases: { release_no: number }[] = await db
    .selectFrom('release_tables')
    .select('release_no')
    .distinct()
    .where('survey_id', '=', surveyId)
    .orderBy('release_no')
    .execute()
  await db.deleteFrom('release_tables').where('survey_id', '=', surveyId).execute()
  for (const { release_no } of releases) await storeReleaseTables(db, surveyId, release_no)
}

// --- db/queries/response-counts.ts: counting one version's responses from scratch

const COUNTED_DIMENSIONS = 4
const KEY_COLUMNS = 'survey_id, release_no, dims, g0, g1, g2, g3, kind, question, item, value'
const KEY_POSITIONS = '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11'

async function rebuildResponseCounts(
  db: Kysely<any>,
  versionId: number,
  dimensions: readonly string[],
) {
  const counted = dimensions.slice(0, COUNTED_DIMENSIONS)
  const cell = Array.from({ length: COUNTED_DIMENSIONS }, (_, i) =>
    i < counted.length ? sql`coalesce(${sql.raw(`d${i}`)}.value, '')` : sql`''`,
  )
  const joins = sql.join(
    counted.map((question, i) => {
      const d = sql.raw(`d${i}`)
      return sql`left join response_values ${d}
        on ${d}.response_id = r.id and ${d}.question = ${question} and ${d}.item = ''`
    }),
    sql` `,
  )
  const kinds = {
    response: {
      join: sql``,
      what: sql`'', '', '', count(*), count(r.knowledge_score), coalesce(sum(r.knowledge_score), 0)`,
      filter: sql``,
    },
    answer: {
      join: sql`join response_values a on a.response_id = r.id`,
      what: sql`a.question, a.item, a.value, count(*), count(a.number), coalesce(sum(a.number), 0)`,
      filter: sql`and a.value is not null`,
    },
    quiz: {
      join: sql`join response_quiz_items q on q.response_id = r.id`,
      what: sql`q.question, '', '', count(*), count(q.correct), coalesce(sum(q.correct), 0)`,
      filter: sql``,
    },
  }
  for (const kind of ['response', 'answer', 'quiz'] as const) {
    const { join, what, filter } = kinds[kind]
    await sql`
      insert into response_counts (${sql.raw(KEY_COLUMNS)}, n, numbers, number_sum)
      select v.survey_id, coalesce(r.release_no, 0), cast(${JSON.stringify(counted)} as text),
        ${sql.join(cell, sql`, `)}, cast(${kind} as text), ${what}
      from responses r
      join survey_versions v on v.id = r.survey_version_id
      ${joins}
      ${join}
      where r.survey_version_id = ${versionId} ${filter}
      group by ${sql.raw(KEY_POSITIONS)}
      order by ${sql.raw(KEY_POSITIONS)}
      on conflict (${sql.raw(KEY_COLUMNS)}) do update set
        n = response_counts.n + excluded.n,
        numbers = response_counts.numbers + excluded.numbers,
        number_sum = response_counts.number_sum + excluded.number_sum`.execute(db)
  }
}

// --- db/queries/release-tables.ts and counts-reader.ts: a release's stored tables

/** The groupings of a release's tables: the total, each dimension, each pair of dimensions. */
function releaseGroupings(dimensions: number): number[][] {
  const columns = Array.from({ length: Math.min(dimensions, COUNTED_DIMENSIONS) }, (_, i) => i)
  const pairs = columns.flatMap((a) => columns.filter((b) => b > a).map((b) => [a, b]))
  return [[], ...columns.map((a) => [a]), ...pairs]
}

/** The dimension names release N's counts are kept by; undefined when versions mix them. */
async function countsLayout(
  db: Kysely<any>,
  surveyId: number,
  releaseNo: number,
): Promise<string[] | undefined> {
  const layouts = new Set<string>()
  for (let release = 1; release <= releaseNo; release++) {
    for (const direction of ['asc', 'desc'] as const) {
      const row: { dims: string } | undefined = await db
        .selectFrom('response_counts')
        .select('dims')
        .where('survey_id', '=', surveyId)
        .where('release_no', '=', release)
        .orderBy('dims', direction)
        .limit(1)
        .executeTakeFirst()
      if (row) layouts.add(row.dims)
    }
  }
  if (layouts.size > 1) return undefined
  return layouts.size === 0 ? [] : (JSON.parse([...layouts][0]) as string[])
}

/** Stores release N's tables from the running counts of releases 1..N. */
async function storeReleaseTables(db: Kysely<any>, surveyId: number, releaseNo: number) {
  const layout = await countsLayout(db, surveyId, releaseNo)
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
