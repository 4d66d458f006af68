import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  type Transaction,
} from 'kysely'

// The few places where SQLite and PostgreSQL differ, so migrations and queries stay free of
// scattered dialect checks.

export type DialectName = 'sqlite' | 'postgres'

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/** An auto-generated integer primary key: AUTOINCREMENT on SQLite, an identity column on PostgreSQL. */
export function generatedId(db: Kysely<any>) {
  return dialectOf(db) === 'postgres'
    ? (col: ColumnDefinitionBuilder) => col.primaryKey().generatedByDefaultAsIdentity()
    : (col: ColumnDefinitionBuilder) => col.primaryKey().autoIncrement()
}

/**
 * SQLite: WITHOUT ROWID stores rows in primary-key order, so no hidden rowid reveals insertion
 * order. PostgreSQL tables have no rowid (heap order is not exposed through the API), so nothing to do.
 */
export function withoutRowid<T extends CreateTableBuilder<any, any>>(db: Kysely<any>, table: T): T {
  return (dialectOf(db) === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table) as T
}

/** CHECK that a text column holds a YYYY-MM-DD day (SQLite has GLOB, PostgreSQL regular expressions). */
export function isIsoDay(db: Kysely<any>, column: string) {
  return dialectOf(db) === 'postgres'
    ? sql`${sql.ref(column)} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`
    : sql`${sql.ref(column)} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`
}

/**
 * Serialises transactions that check-then-write the same thing (e.g. "next release number").
 * SQLite already runs one write transaction at a time; on PostgreSQL, several instances may race,
 * so a transaction-scoped advisory lock on (scope, id) makes the second wait for the first.
 */
export async function serializeOn(trx: Transaction<any>, scope: LockScope, id = 0): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return
  await sql`select pg_advisory_xact_lock(${LOCK_SCOPES[scope]}, ${id})`.execute(trx)
}

/**
 * The shared side of serializeOn: many holders at once, but none while someone holds it
 * exclusively (a submission takes it; a release, which must see all or none, takes serializeOn).
 */
export async function shareLockOn(trx: Transaction<any>, scope: LockScope, id = 0): Promise<void> {
  if (dialectOf(trx) !== 'postgres') return
  await sql`select pg_advisory_xact_lock_shared(${LOCK_SCOPES[scope]}, ${id})`.execute(trx)
}

/**
 * serializeOn that gives up instead of waiting: true when this transaction now holds the lock
 * (always on SQLite, where write transactions already run one at a time).
 */
export async function tryLockOn(trx: Transaction<any>, scope: LockScope, id = 0): Promise<boolean> {
  if (dialectOf(trx) !== 'postgres') return true
  const { rows } = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(${LOCK_SCOPES[scope]}, ${id}) as locked`.execute(trx)
  return rows[0]?.locked === true
}

const LOCK_SCOPES = { 'survey-definitions': 1, releases: 2, responses: 3, 'key-sweep': 4 } as const
export type LockScope = keyof typeof LOCK_SCOPES

/** The schema unqualified names resolve to (PostgreSQL search_path), or undefined on SQLite. */
export async function currentSchema(db: Kysely<any>): Promise<string | undefined> {
  if (dialectOf(db) !== 'postgres') return undefined
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema
}

// Primary-key indexes of the response-side tables and the invitation codes (named in db/migrations).
// In the order a submission writes them (codes, then the response's rows, then counts): CLUSTER
// inside a release's transaction holds each table until commit, and taking them in another
// order than submissions do could deadlock with one (docs/decisions/006).
const RESPONSE_KEY_INDEXES = {
  invitation_codes: 'invitation_codes_pk',
  responses: 'responses_pkey',
  response_answers: 'response_answers_pkey',
  response_values: 'response_values_pk',
  response_quiz_items: 'response_quiz_items_pk',
  response_counts: 'response_counts_pk',
} as const

/**
 * PostgreSQL appends rows to the heap in arrival order, so a plain scan would list responses in
 * the order they came (and codes in the order they were used). CLUSTER rewrites these tables in
 * (random) primary-key order. It locks them while it runs, so it is done when a release is made,
 * not on every submission; rows that arrive after a release stay in arrival order until the next
 * one. SQLite keeps WITHOUT ROWID tables in key order all the time, so there is nothing to do.
 */
export async function hideArrivalOrder(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return
  for (const [table, index] of Object.entries(RESPONSE_KEY_INDEXES)) {
    await sql`cluster ${sql.table(table)} using ${sql.ref(index)}`.execute(db)
  }
}
