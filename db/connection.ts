import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { Database } from './schema.js'

/**
 * Durability and privacy settings, applied to every connection:
 * - WAL + synchronous=FULL: an acknowledged response survives a crash or power loss.
 * - secure_delete: deleted answers are overwritten, not left in free pages.
 */
export const SQLITE_PRAGMAS = {
  journal_mode: 'wal',
  synchronous: 'full',
  foreign_keys: 'on',
  busy_timeout: '5000',
  secure_delete: 'on',
} as const

export function openSqlite(path: string): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SQLite(path)
  for (const [name, value] of Object.entries(SQLITE_PRAGMAS)) sqlite.pragma(`${name} = ${value}`)
  return sqlite
}

export function createSqliteDb(path: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqlite(path) }) })
}
