import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema.js'
import { registerWalHygiene, withWalHygiene } from './wal-hygiene.js'

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

export interface SqliteOptions {
  busyTimeout?: number
  /** Shared with the other connections of this process to the file (db/wal-hygiene.ts). */
  walGate?: SharedArrayBuffer
}

export function createSqliteDb(
  path: string,
  { busyTimeout = Number(SQLITE_PRAGMAS.busy_timeout), walGate }: SqliteOptions = {},
): Kysely<Database> {
  const sqlite = openSqlite(path)
  // openSqlite set the default; the writer thread's connection waits longer.
  if (busyTimeout !== Number(SQLITE_PRAGMAS.busy_timeout)) {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`)
  }
  // Each committed write gets a log of its own, truncated at once (db/wal-hygiene.ts).
  const cached = withStatementCache(sqlite)
  const { database, hygiene } = withWalHygiene(sqlite, cached, busyTimeout, walGate)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) })
  registerWalHygiene(db, hygiene)
  return db
}

/**
 * Kysely prepares every query anew; preparing costs as much as running a small insert. The same
 * SQL text reuses its statement, unless that one is still being iterated (a streamed read).
 *
 * Kysely opens transactions with a deferred `begin`. With a second connection on the file (the
 * response writer's thread, db/queries/response-writer-thread.ts), a deferred transaction that
 * read before that connection committed could not write any more (SQLITE_BUSY_SNAPSHOT, without
 * waiting): `begin immediate` takes the write lock first, so a transaction sees and writes one
 * state, as it did when one connection ran everything.
 */
function withStatementCache(sqlite: SQLite.Database, maxEntries = 500) {
  const cache = new Map<string, SQLite.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      const sql = text === 'begin' ? 'begin immediate' : text
      const hit = cache.get(sql)
      if (hit && !hit.busy) return hit
      const statement = sqlite.prepare(sql)
      if (!hit) {
        if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}

// count(*) is int8 and avg/sum of integers numeric on PostgreSQL, which pg returns as strings to
// avoid precision loss; our counts stay far below 2^53, so read them as numbers like SQLite does.
const PG_INT8 = 20
const PG_NUMERIC = 1700
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format)
  },
} as pg.CustomTypesConfig

export interface PostgresOptions {
  poolSize?: number
  /** Sets search_path on every connection (tests isolate themselves in a schema). */
  schema?: string
}

export function createPostgresDb(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  })
  // A connection that dies (a restarted or failed-over server, pg_terminate_backend) emits
  // 'error' on its client, and on the pool when idle: unhandled, that would end the process.
  // The query in flight is rejected anyway (and retried, db/transient.ts), and the pool drops
  // the broken client when it is released.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

export type DatabaseTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; poolSize: number }

export function createDatabase(
  target: DatabaseTarget,
  sqliteOptions: SqliteOptions = {},
): Kysely<Database> {
  return target.kind === 'postgres'
    ? createPostgresDb(target.url, { poolSize: target.poolSize })
    : createSqliteDb(target.path, sqliteOptions)
}

/** Where the data is, for start-up logs: never prints a password. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return `SQLite ${target.path}`
  const url = new URL(target.url)
  if (url.password) url.password = '***'
  return `PostgreSQL ${url.toString()} (pool of ${target.poolSize})`
}
