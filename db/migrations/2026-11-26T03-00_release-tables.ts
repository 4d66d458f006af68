import { type Kysely } from 'kysely'
import { withoutRowid } from './frozen/dialect.js'

// The figures of every table a release can show (the total, each dimension, each pair), summed
// from the running counts once when the release is made (see db/queries/release-tables.ts).
// Releases made before this migration are read from the running counts instead.
export async function up(db: Kysely<any>): Promise<void> {
  await withoutRowid(
    db,
    db.schema
      .createTable('release_tables')
      .addColumn('survey_id', 'integer', (col) =>
        col.notNull().references('surveys.id').onDelete('cascade'),
      )
      .addColumn('release_no', 'integer', (col) => col.notNull())
      // which counted dimension columns the rows are grouped by, e.g. '0,2'; '' is the total
      .addColumn('grouping', 'text', (col) => col.notNull())
      .addColumn('g0', 'text', (col) => col.notNull())
      .addColumn('g1', 'text', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('question', 'text', (col) => col.notNull())
      .addColumn('item', 'text', (col) => col.notNull())
      .addColumn('value', 'text', (col) => col.notNull())
      .addColumn('n', 'integer', (col) => col.notNull())
      .addColumn('numbers', 'integer', (col) => col.notNull())
      .addColumn('number_sum', 'double precision', (col) => col.notNull())
      .addPrimaryKeyConstraint('release_tables_pk', [
        'survey_id',
        'release_no',
        'grouping',
        'kind',
        'g0',
        'g1',
        'question',
        'item',
        'value',
      ]),
  ).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('release_tables').execute()
}
