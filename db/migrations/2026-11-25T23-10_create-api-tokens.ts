import { sql, type Kysely } from 'kysely'
import { generatedId } from './frozen/dialect.js'

// Personal API tokens for scripts (read-only results and exports). Like sessions, only the SHA-256
// of a token is stored. A user's tokens go with the user. Admin-side only: nothing here refers to
// responses.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', generatedId(db))
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) =>
      col.notNull().unique().check(sql`length(token_hash) = 64`),
    )
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    // A day (YYYY-MM-DD), so the owner can tell an unused token from a used one.
    .addColumn('last_used_on', 'text')
    .execute()
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_tokens').execute()
}
