import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.js'
import { retryTransient } from './transient.js'

/**
 * Runs `work` in the caller's transaction when given one, else in a new one: Kysely cannot nest
 * transactions, and a caller may need to store an audit entry in the same one. A new transaction
 * that fails transiently (deadlock, serialization failure, lost connection, SQLite busy) is run
 * again from the start, so `work` must not act outside the database.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>)
  return retryTransient(() => db.transaction().execute(work))
}
