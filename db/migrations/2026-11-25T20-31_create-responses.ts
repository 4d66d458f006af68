import { sql, type Kysely } from 'kysely'
import { isIsoDay, withoutRowid } from './frozen/dialect.js'

// WITHOUT ROWID (SQLite): rows are stored in primary-key (random id) order, so neither a rowid nor
// the physical order of rows reveals the order in which responses arrived.
export async function up(db: Kysely<any>): Promise<void> {
  await withoutRowid(
    db,
    db.schema
      .createTable('responses')
      .addColumn('id', 'text', (col) => col.primaryKey().check(sql`length(id) = 32`))
      .addColumn('survey_version_id', 'integer', (col) =>
        col.notNull().references('survey_versions.id'),
      )
      .addColumn('locale', 'text', (col) => col.notNull())
      .addColumn('submitted_on', 'text', (col) => col.notNull().check(isIsoDay(db, 'submitted_on')))
      .addColumn('answers', 'text', (col) => col.notNull())
      .addColumn('knowledge_score', 'double precision'),
  ).execute()
  await db.schema
    .createIndex('responses_survey_version')
    .on('responses')
    .column('survey_version_id')
    .execute()

  await withoutRowid(
    db,
    db.schema
      .createTable('response_values')
      .addColumn('response_id', 'text', (col) =>
        col.notNull().references('responses.id').onDelete('cascade'),
      )
      .addColumn('question', 'text', (col) => col.notNull())
      .addColumn('item', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('value', 'text')
      .addColumn('number', 'double precision')
      .addPrimaryKeyConstraint('response_values_pk', ['response_id', 'question', 'item']),
  ).execute()
  // Serves "respondents per dimension value" lookups without touching the responses table.
  await db.schema
    .createIndex('response_values_question_value')
    .on('response_values')
    .columns(['question', 'value', 'response_id'])
    .execute()

  await withoutRowid(
    db,
    db.schema
      .createTable('response_quiz_items')
      .addColumn('response_id', 'text', (col) =>
        col.notNull().references('responses.id').onDelete('cascade'),
      )
      .addColumn('question', 'text', (col) => col.notNull())
      .addColumn('correct', 'integer', (col) => col.notNull().check(sql`correct in (0, 1)`))
      .addPrimaryKeyConstraint('response_quiz_items_pk', ['response_id', 'question']),
  ).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('response_quiz_items').execute()
  await db.schema.dropTable('response_values').execute()
  await db.schema.dropTable('responses').execute()
}
