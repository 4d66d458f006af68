import { sql, type Kysely } from 'kysely'
import { withoutRowid } from './frozen/dialect.js'
import { dimensionNames } from './frozen/dimensions.js'

// Running counts per combination of dimension values (see db/queries/response-counts.ts), so
// results read a few thousand rows instead of every answer. Existing responses are counted once
// here; from now on each response adds its counts in its own transaction.
export async function up(db: Kysely<any>): Promise<void> {
  await withoutRowid(
    db,
    db.schema
      .createTable('response_counts')
      .addColumn('survey_id', 'integer', (col) =>
        col.notNull().references('surveys.id').onDelete('cascade'),
      )
      // 0 until a release claims the responses counted here
      .addColumn('release_no', 'integer', (col) => col.notNull())
      .addColumn('dims', 'text', (col) => col.notNull())
      .addColumn('g0', 'text', (col) => col.notNull())
      .addColumn('g1', 'text', (col) => col.notNull())
      .addColumn('g2', 'text', (col) => col.notNull())
      .addColumn('g3', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) =>
        col.notNull().check(sql`kind in ('response', 'answer', 'quiz')`),
      )
      .addColumn('question', 'text', (col) => col.notNull())
      .addColumn('item', 'text', (col) => col.notNull())
      .addColumn('value', 'text', (col) => col.notNull())
      .addColumn('n', 'integer', (col) => col.notNull())
      .addColumn('numbers', 'integer', (col) => col.notNull())
      .addColumn('number_sum', 'double precision', (col) => col.notNull())
      .addPrimaryKeyConstraint('response_counts_pk', [
        'survey_id',
        'release_no',
        'dims',
        'g0',
        'g1',
        'g2',
        'g3',
        'kind',
        'question',
        'item',
        'value',
      ]),
  ).execute()
  const versions = await db
    .selectFrom('survey_versions')
    .select(['id', 'definition'])
    .execute()
  for (const version of versions) {
    await countVersion(db, version.id, dimensionNames(JSON.parse(version.definition)))
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('response_counts').execute()
}

// The backfill: every response of one version counted from scratch, one INSERT ... SELECT per
// kind. A copy of rebuildResponseCounts (db/queries/response-counts.ts at commit f54cb81), so this
// migration does not change when the live counting code does; it may be rewritten here (faster,
// same rows) without touching anything else.
const COUNTED_DIMENSIONS = 4
const KEY_COLUMNS = 'survey_id, release_no, dims, g0, g1, g2, g3, kind, question, item, value'
const KEY_POSITIONS = '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11'

async function countVersion(db: Kysely<any>, versionId: number, dimensions: readonly string[]) {
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
      // A value-less row (a number kept only as a number) is never shown as a count.
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
