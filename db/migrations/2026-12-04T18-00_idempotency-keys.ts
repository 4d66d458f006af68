import { sql, type Kysely } from 'kysely'

// Keys of submissions already stored, so a resend after a lost 201 stores nothing twice. Apart
// from the responses: a hash of the key, an HMAC of the request under the key (useless without
// it), the survey (deleted with its next release) and the day (deleted after it ends). No time,
// no response id, and WITHOUT ROWID on SQLite, so no arrival order.
export async function up(db: Kysely<any>): Promise<void> {
  const table = db.schema
    .createTable('idempotency_keys')
    .addColumn('key_hash', 'text', (col) => col.notNull())
    .addColumn('survey_id', 'integer', (col) =>
      col.notNull().references('surveys.id').onDelete('cascade'),
    )
    .addColumn('request_digest', 'text', (col) => col.notNull())
    .addColumn('day', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['key_hash'])
  const isSqlite = db.getExecutor().adapter.constructor.name === 'SqliteAdapter'
  await (isSqlite ? table.modifyEnd(sql`without rowid`) : table).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute()
}
