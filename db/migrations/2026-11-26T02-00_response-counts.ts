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

// The backfill: every response of one version counted from scratch. It gives the rows that
// rebuildResponseCounts (db/queries/response-counts.ts at commit f54cb81) gave, so this migration
// does not change when the live counting code does. Both engines aggregate with GROUP BY; SQLite
// sorts the rows it groups, and that sort is the cost (one row per answer). Grouping by a small
// integer per dimension cell instead of the eleven key columns (a long JSON text among them)
// makes each sorted record short: about 2.5x faster than grouping by the key itself, same rows
// (tests/response-counts-backfill.test.ts compares them with that first version).
const COUNTED_DIMENSIONS = 4
const KEY_COLUMNS = 'survey_id, release_no, dims, g0, g1, g2, g3, kind, question, item, value'
const KEY_POSITIONS = '1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11'
const CELL_COLUMNS = 'release_no, g0, g1, g2, g3'

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
  // Every cell (release, dimension values) of the version once, numbered; then every response
  // with the number of its cell. Temporary: dropped below, and PostgreSQL runs the migrations in
  // one transaction on one connection, so no other session sees them.
  await sql`create temporary table backfill_cells as
    select row_number() over (order by ${sql.raw(CELL_COLUMNS)}) as cell, ${sql.raw(CELL_COLUMNS)}
    from (select distinct coalesce(r.release_no, 0) as release_no,
        ${sql.join(cell.map((value, i) => sql`${value} as ${sql.raw(`g${i}`)}`), sql`, `)}
      from responses r ${joins}
      where r.survey_version_id = ${versionId}) as cells`.execute(db)
  await sql`create unique index backfill_cells_key on backfill_cells (${sql.raw(CELL_COLUMNS)})`
    .execute(db)
  await sql`create temporary table backfill_cell_of as
    select r.id as response_id, c.cell, r.knowledge_score
    from responses r ${joins}
    join backfill_cells c on c.release_no = coalesce(r.release_no, 0)
      ${sql.join(cell.map((value, i) => sql`and ${sql.raw(`c.g${i}`)} = ${value}`), sql` `)}
    where r.survey_version_id = ${versionId}`.execute(db)
  await sql`create unique index backfill_cell_of_id on backfill_cell_of (response_id)`.execute(db)
  // Per kind: the grouped figures (by cell number and answer), one row per key, sorted by key.
  // The responses drive the join (CROSS JOIN keeps SQLite from turning it around), so each one's
  // answer rows are read in one primary-key range.
  const kinds = {
    response: {
      from: sql``,
      what: sql`'' as question, '' as item, '' as value, count(*) as n,
        count(c.knowledge_score) as numbers, coalesce(sum(c.knowledge_score), 0) as number_sum`,
      where: sql`true`,
      group: sql`1`,
    },
    answer: {
      from: sql`cross join response_values a`,
      what: sql`a.question, a.item, a.value, count(*) as n, count(a.number) as numbers,
        coalesce(sum(a.number), 0) as number_sum`,
      // A value-less row (a number kept only as a number) is never shown as a count.
      where: sql`a.response_id = c.response_id and a.value is not null`,
      group: sql`1, 2, 3, 4`,
    },
    quiz: {
      from: sql`cross join response_quiz_items q`,
      what: sql`q.question, '' as item, '' as value, count(*) as n, count(q.correct) as numbers,
        coalesce(sum(q.correct), 0) as number_sum`,
      where: sql`q.response_id = c.response_id`,
      group: sql`1, 2`,
    },
  }
  const [version] = (
    await sql<{ survey_id: number }>`
      select survey_id from survey_versions where id = ${versionId}`.execute(db)
  ).rows
  for (const kind of ['response', 'answer', 'quiz'] as const) {
    const { from, what, where, group } = kinds[kind]
    await sql`
      insert into response_counts (${sql.raw(KEY_COLUMNS)}, n, numbers, number_sum)
      select cast(${version.survey_id} as integer), k.release_no,
        cast(${JSON.stringify(counted)} as text), k.g0, k.g1, k.g2, k.g3,
        cast(${kind} as text), x.question, x.item, x.value, x.n, x.numbers, x.number_sum
      from (select c.cell, ${what}
        from backfill_cell_of c ${from}
        where ${where}
        group by ${group}) as x
      join backfill_cells k on k.cell = x.cell
      order by ${sql.raw(KEY_POSITIONS)}
      on conflict (${sql.raw(KEY_COLUMNS)}) do update set
        n = response_counts.n + excluded.n,
        numbers = response_counts.numbers + excluded.numbers,
        number_sum = response_counts.number_sum + excluded.number_sum`.execute(db)
  }
  await sql`drop table backfill_cell_of`.execute(db)
  await sql`drop table backfill_cells`.execute(db)
}
