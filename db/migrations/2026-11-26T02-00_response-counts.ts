import { sql, type Kysely } from 'kysely'
import { withoutRowid } from '../dialect.js'
import { readDimensions } from '../../server/domain/dimensions.js'
import { rebuildResponseCounts } from '../queries/response-counts.js'

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
    const { dimensions } = readDimensions(JSON.parse(version.definition))
    const names = dimensions.map((dimension) => dimension.name)
    await rebuildResponseCounts(db, { versionId: version.id, dimensions: names })
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('response_counts').execute()
}
