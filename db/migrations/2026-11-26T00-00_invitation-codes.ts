import { sql, type Kysely } from 'kysely'
import { withoutRowid } from './frozen/dialect.js'

// Invitation-only surveys. A code row holds only an HMAC of the code and a used flag: no time,
// no order-revealing id, and nothing that points at the response it unlocked.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('surveys')
    .addColumn('access', 'text', (col) =>
      col.notNull().defaultTo('public').check(sql`access in ('public', 'invitation')`),
    )
    .execute()

  await withoutRowid(
    db,
    db.schema
      .createTable('invitation_codes')
      .addColumn('survey_id', 'integer', (col) =>
        col.notNull().references('surveys.id').onDelete('cascade'),
      )
      .addColumn('code_hmac', 'text', (col) => col.notNull())
      .addColumn('used', 'integer', (col) => col.notNull().defaultTo(0).check(sql`used in (0, 1)`))
      .addPrimaryKeyConstraint('invitation_codes_pk', ['survey_id', 'code_hmac']),
  ).execute()

  // Server-wide secrets made once and shared by every instance (the invitation HMAC key when
  // INVITATION_SECRET is not set).
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('server_secrets').execute()
  await db.schema.dropTable('invitation_codes').execute()
  await db.schema.alterTable('surveys').dropColumn('access').execute()
}
