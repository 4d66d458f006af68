import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
} from 'kysely'

// FROZEN SNAPSHOT, written for the migrations in db/migrations/ and never changed afterwards.
// A copy of the dialect helpers the migrations use, as db/dialect.ts had them at commit f54cb81.
// A migration must make the same tables today as on the day it first ran, so it may not follow
// later edits of live code. Need something different? Write a new frozen file for the new
// migration; never edit this one (tests/migrations-frozen.test.ts keeps migrations off live code).

export function dialectOf(db: Kysely<any>): 'sqlite' | 'postgres' {
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
