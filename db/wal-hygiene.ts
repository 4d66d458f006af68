// SQLite's write-ahead log keeps each transaction's pages, in commit order, until it is overwritten:
// a copy of the data folder would pair a spent invitation code with its response and place
// responses between time-stamped writes (sessions, audit entries). So every committed write is
// checkpointed into the database file and the log truncated to 0 bytes at once, before any other
// statement runs (better-sqlite3 is synchronous): each write transaction has a log of its own.
// A checkpoint that readers block (another process, a streamed read) is retried before the next
// write and by the periodic timer (startWalCheckpoints), never waited for.
import type SQLite from 'better-sqlite3'
import type { SqliteDatabase } from 'kysely'

const WRITE = /^\s*(?:insert|update|delete|replace|create|drop|alter)\b/i
const CTE_WRITE = /^\s*with\b[\s\S]*\b(?:insert|update|delete)\b/i
const BEGIN = /^\s*(?:begin|savepoint)\b/i
const END = /^\s*(?:commit|end|rollback|release)\b/i

export interface WalHygiene {
  /** PRAGMA wal_checkpoint(TRUNCATE) without waiting: true when the log is now empty. */
  checkpoint(): boolean
}

type CheckpointRow = { busy: number; log: number; checkpointed: number }

/**
 * Shared by every connection of this process to one file (the main one and the response writer's
 * thread, db/queries/response-writer-thread.ts): [0] the write gate, [1] whether the log may hold
 * frames not yet truncated. A connection holds the gate from the statement that begins its write
 * until the checkpoint after its commit, so no other connection's transaction can slip into the
 * log between a commit and its truncation, and a write by either starts on an empty log.
 */
export const createWalGate = () => new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)
const GATE = 0
const DIRTY = 1

/** Blocks this thread until the gate is free, then holds it. */
export function acquireWalGate(gate: SharedArrayBuffer): void {
  const state = new Int32Array(gate)
  while (Atomics.compareExchange(state, GATE, 0, 1) !== 0) Atomics.wait(state, GATE, 1, 100)
}

export function releaseWalGate(gate: SharedArrayBuffer): void {
  const state = new Int32Array(gate)
  Atomics.store(state, GATE, 0)
  Atomics.notify(state, GATE, 1)
}

export function withWalHygiene(
  sqlite: SQLite.Database,
  database: SqliteDatabase,
  busyTimeoutMs: number,
  gate: SharedArrayBuffer = createWalGate(),
): { database: SqliteDatabase; hygiene: WalHygiene } {
  const state = new Int32Array(gate)
  // Committed (or pending) frames, of any connection, not yet truncated away.
  const isDirty = () => Atomics.load(state, DIRTY) === 1
  const setDirty = (value: boolean) => Atomics.store(state, DIRTY, value ? 1 : 0)
  let holding = false

  const checkpoint = (): boolean => {
    if (sqlite.inTransaction) return false // done after the commit instead
    try {
      sqlite.pragma('busy_timeout = 0') // never block requests behind a reader
      const [row] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as CheckpointRow[]
      if (row.busy === 0) setDirty(false)
    } catch {
      // the connection is in use (a streamed read): the next write or tick retries
    } finally {
      sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`)
    }
    return !isDirty()
  }

  const guarded = <T>(sql: string, execute: () => T): T => {
    const write = WRITE.test(sql) || CTE_WRITE.test(sql)
    const starts = write || BEGIN.test(sql)
    if (starts && !holding) {
      acquireWalGate(gate)
      holding = true
    }
    try {
      // A new write starts on an empty log, even when the last checkpoint was blocked.
      if (isDirty() && starts) checkpoint()
      const result = execute()
      if (write) setDirty(true)
      if (isDirty() && (write || END.test(sql)) && !sqlite.inTransaction) checkpoint()
      return result
    } finally {
      // Held through the transaction and the checkpoint after it.
      if (holding && !sqlite.inTransaction) {
        holding = false
        releaseWalGate(gate)
      }
    }
  }

  return {
    hygiene: { checkpoint },
    database: {
      close: () => database.close(),
      prepare(sql) {
        const statement = database.prepare(sql)
        return {
          reader: statement.reader,
          all: (parameters) => guarded(sql, () => statement.all(parameters)),
          run: (parameters) => guarded(sql, () => statement.run(parameters)),
          iterate: (parameters) => statement.iterate(parameters),
        }
      },
    },
  }
}

const registry = new WeakMap<object, WalHygiene>()

export function registerWalHygiene(db: object, hygiene: WalHygiene): void {
  registry.set(db, hygiene)
}

/** Checkpoints and truncates the log now; false when blocked (or not SQLite). */
export function checkpointWal(db: object): boolean {
  return registry.get(db)?.checkpoint() ?? false
}

/** The periodic checkpoint (server/index.ts): retries any that readers blocked. Returns stop. */
export function startWalCheckpoints(db: object, intervalMs = 60_000): () => void {
  const hygiene = registry.get(db)
  if (!hygiene) return () => {}
  const timer = setInterval(() => hygiene.checkpoint(), intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
