import { sql, type Kysely } from 'kysely'
import { generatedId, withoutRowid } from './frozen/dialect.js'

// Admin-side tables: who may sign in, and their server-side sessions. Nothing here refers to
// responses (the anonymity test checks that no table does, apart from the response side).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', generatedId(db))
    // Stored lower-cased, so the unique constraint is case-insensitive.
    .addColumn('username', 'text', (col) =>
      col
        .notNull()
        .unique()
        .check(sql`username = lower(username) and length(username) between 1 and 64`),
    )
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('admin', 'researcher')`))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  // Only a SHA-256 hash of each token is stored: a leaked table gives no usable session.
  await withoutRowid(
    db,
    db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (col) => col.primaryKey().check(sql`length(token_hash) = 64`))
      .addColumn('user_id', 'integer', (col) =>
        col.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('last_seen_at', 'text', (col) => col.notNull())
      .addColumn('expires_at', 'text', (col) => col.notNull()),
  ).execute()
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sessions').execute()
  await db.schema.dropTable('users').execute()
}
