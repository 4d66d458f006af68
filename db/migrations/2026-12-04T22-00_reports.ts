import { sql, type Kysely } from 'kysely'

// Public reports (server/reports): a release published under an unguessable id, with the
// admin's choices (title, summary, dimensions, questions) as JSON. Withdrawing deletes the row,
// so a withdrawn id is indistinguishable from one that never existed. One report per release.
// And a per-survey flag: list the open survey on the public front page (off by default).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('survey_id', 'integer', (col) =>
      col.notNull().references('surveys.id').onDelete('cascade'),
    )
    .addColumn('release_no', 'integer', (col) => col.notNull())
    .addColumn('options', 'text', (col) => col.notNull())
    .addUniqueConstraint('reports_release_unique', ['survey_id', 'release_no'])
    .execute()

  await db.schema
    .alterTable('surveys')
    .addColumn('listed', 'integer', (col) =>
      col.notNull().defaultTo(0).check(sql`listed in (0, 1)`),
    )
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('surveys').dropColumn('listed').execute()
  await db.schema.dropTable('reports').execute()
}
