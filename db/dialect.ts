import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
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
