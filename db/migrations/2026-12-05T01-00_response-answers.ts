import { sql, type Kysely } from 'kysely'
import { withoutRowid } from './frozen/dialect.js'

// A release writes `release_no` on every response it claims. With the answers (JSON, about
// 2 KB) in the same row, that rewrote the whole wide table and checkpointed it: most of a
// release at 1,000,000 responses (docs/decisions/008-submission-cost.md, third step). The answers
// move to a table of their own, keyed by the random response id (WITHOUT ROWID: no arrival
// order), so the row a release rewrites is a few dozen bytes.
export async function up(db: Kysely<any>): Promise<void> {
  await withoutRowid(
    db,
    db.schema
      .createTable('response_answers')
      .addColumn('response_id', 'text', (col) =>
        col.primaryKey().references('responses.id').onDelete('cascade'),
      )
      .addColumn('answers', 'text', (col) => col.notNull()),
  ).execute()
  // In key order: the new table's B-tree is appended to, never split at random.
  await sql`insert into response_answers (response_id, answers)
    select id, answers from responses order by id`.execute(db)
  await db.schema.alterTable('responses').dropColumn('answers').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  // SQLite cannot add a NOT NULL column without a default; every row gets its answers back.
  await db.schema.alterTable('responses').addColumn('answers', 'text').execute()
  await sql`update responses set answers =
    (select a.answers from response_answers a where a.response_id = responses.id)`.execute(db)
  await db.schema.dropTable('response_answers').execute()
}
