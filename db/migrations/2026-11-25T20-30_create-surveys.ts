import { sql, type Kysely } from 'kysely'
import { generatedId } from './frozen/dialect.js'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('surveys')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) =>
      col.notNull().defaultTo('draft').check(sql`status in ('draft', 'open', 'closed')`),
    )
    .execute()

  await db.schema
    .createTable('survey_versions')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('survey_id', 'integer', (col) =>
      col.notNull().references('surveys.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version >= 1`))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('definition', 'text', (col) => col.notNull())
    .addColumn('checksum', 'text', (col) => col.notNull())
    .addColumn('source', 'text')
    .addUniqueConstraint('survey_versions_survey_version', ['survey_id', 'version'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_versions').execute()
  await db.schema.dropTable('surveys').execute()
}
