import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { sql, type Kysely } from 'kysely'
import pg from 'pg'
import { createPostgresDb, createSqliteDb } from '../db/connection.js'
import type { Database } from '../db/schema.js'

/**
 * Which engine the database-touching tests run on. vitest.config.ts runs them twice: once on
 * SQLite, and once more with TEST_DB_ENGINE=postgres when TEST_DATABASE_URL is set.
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' =
  process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'sqlite'

export interface TestDatabase {
  db: Kysely<Database>
  /** For child processes: the same database as DATABASE_URL (for PostgreSQL, the test's schema). */
  url: string
  drop: () => Promise<void>
}

/** One statement on its own connection (creating databases and schemas). */
export async function onServer(url: string, statement: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(statement, values)).rows
  } finally {
    await client.end()
  }
}

let workerDatabase: Promise<string> | undefined

/**
 * One database per vitest worker, made on first use. Kysely's migrator inspects every table of
 * the database it runs in; a schema dropped by a test in another worker meanwhile would make that
 * inspection fail. Inside one worker, tests run one at a time.
 */
function workerDatabaseUrl(serverUrl: string): Promise<string> {
  workerDatabase ??= (async () => {
    const url = new URL(serverUrl)
    const name = `${decodeURIComponent(url.pathname.slice(1))}_w${process.env.VITEST_POOL_ID ?? 0}`
    const found = await onServer(serverUrl, 'select 1 from pg_database where datname = $1', [name])
    if (found.length === 0) await onServer(serverUrl, `create database "${name}"`)
    url.pathname = `/${encodeURIComponent(name)}`
    return url.toString()
  })()
  return workerDatabase
}

/** Each PostgreSQL test gets its own schema in its worker's database. */
async function createPostgresTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL')
  const url = await workerDatabaseUrl(serverUrl)
  const schema = `test_${randomBytes(8).toString('hex')}`
  await onServer(url, `create schema ${schema}`)
  const db = createPostgresDb(url, { schema, poolSize: 4 })
  const withSchema = new URL(url)
  withSchema.searchParams.set('options', `-c search_path=${schema}`)
  return {
    db,
    url: withSchema.toString(),
    drop: async () => {
      await db.destroy()
      await onServer(url, `drop schema ${schema} cascade`)
    },
  }
}

/** A fresh, empty database on the engine under test (SQLite: a file in `dir`). */
export async function createTestDatabase(dir: string): Promise<TestDatabase> {
  if (TEST_ENGINE === 'postgres') return createPostgresTestDatabase()
  const path = join(dir, 'survey.db')
  const db = createSqliteDb(path)
  return { db, url: `sqlite:${path}`, drop: () => db.destroy() }
}

/** The application's tables (not the migrator's or the engine's own), sorted by name. */
export async function listTables(db: Kysely<Database>): Promise<string[]> {
  const query =
    TEST_ENGINE === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql<{ name: string }>`select name from sqlite_master where type = 'table'
          and name not like 'sqlite%'`
  const names = (await query.execute(db)).rows.map((row) => row.name)
  return names.filter((name) => !name.startsWith('kysely')).sort()
}

export async function listColumns(db: Kysely<Database>, table: string): Promise<string[]> {
  const query =
    TEST_ENGINE === 'postgres'
      ? sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = ${table}`
      : sql<{ name: string }>`select name from pragma_table_info(${table})`
  return (await query.execute(db)).rows.map((row) => row.name)
}

/** Tables whose foreign keys point at `target`. */
export async function tablesReferencing(db: Kysely<Database>, target: string): Promise<string[]> {
  const referencing: string[] = []
  for (const table of await listTables(db)) {
    const query =
      TEST_ENGINE === 'postgres'
        ? sql<{ target: string }>`select ccu.table_name as target
            from information_schema.table_constraints tc
            join information_schema.constraint_column_usage ccu
              on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
            where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()
              and tc.table_name = ${table}`
        : sql<{ target: string }>`select "table" as target from pragma_foreign_key_list(${table})`
    const rows = (await query.execute(db)).rows
    if (rows.some((row) => row.target === target)) referencing.push(table)
  }
  return referencing
}
