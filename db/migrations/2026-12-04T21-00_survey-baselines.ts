import type { Kysely } from 'kysely'

// Reference figures an admin attaches to a survey (e.g. an earlier study's share correct per quiz
// item): a label and, per item, n and the number correct, as JSON. Nothing about respondents.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_baselines')
    .addColumn('survey_id', 'integer', (col) =>
      col.primaryKey().references('surveys.id').onDelete('cascade'),
    )
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('items', 'text', (col) => col.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_baselines').execute()
}
