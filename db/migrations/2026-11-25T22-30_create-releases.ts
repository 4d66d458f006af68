import { sql, type Kysely } from 'kysely'
import { generatedId } from './frozen/dialect.js'

// Researchers read frozen releases, never live data. A response belongs to the first release made
// after it arrived (`release_no`), so release N is every response with release_no <= N.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('releases')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('survey_id', 'integer', (col) =>
      col.notNull().references('surveys.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (col) => col.notNull().check(sql`number >= 1`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('interim', 'final')`))
    .addColumn('created_on', 'text', (col) => col.notNull())
    .addColumn('publication', 'text', (col) => col.notNull())
    .addUniqueConstraint('releases_survey_number', ['survey_id', 'number'])
    .execute()

  await db.schema.alterTable('responses').addColumn('release_no', 'integer').execute()
  await db.schema
    .createIndex('responses_version_release')
    .on('responses')
    .columns(['survey_version_id', 'release_no'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('responses_version_release').execute()
  await db.schema.alterTable('responses').dropColumn('release_no').execute()
  await db.schema.dropTable('releases').execute()
}
